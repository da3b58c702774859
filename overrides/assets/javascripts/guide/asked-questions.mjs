// Questions asked only when another answer calls for them (content's `required_when`, as the
// engine reads it: any of the answers named). The page renders such a question hidden, with
// data-asked-when, right after the question it depends on, and reveals it once that answer is
// chosen, as GOV.UK's radios reveal a conditional question. A hidden question keeps whatever
// is in it (and the saved answers keep it), but it is not sent to the engine: a plan is made
// of the questions the person was asked.
import { questionElements } from "./form-answers.mjs";

function conditionOf(question) {
  return question.dataset.askedWhen ? JSON.parse(question.dataset.askedWhen) : null;
}

function conditional(form) {
  return questionElements(form).filter((question) => conditionOf(question) !== null);
}

/** True if the answers call for this question (a question with no condition always is). */
export function isAsked(question, answers) {
  const when = conditionOf(question);
  if (when === null) return true;
  return Object.entries(when).some(([id, values]) => {
    const given = answers[id];
    return (Array.isArray(given) ? given : [given]).some((value) => values.includes(value));
  });
}

/** The answers without those to questions the answers do not call for. */
export function askedAnswers(form, answers) {
  const asked = { ...answers };
  for (const question of conditional(form)) {
    if (!isAsked(question, answers)) delete asked[question.dataset.question];
  }
  return asked;
}

/**
 * Show the questions these answers call for and hide the others. Returns the questions that
 * were hidden and are now shown.
 */
export function revealAsked(form, answers) {
  const revealed = [];
  for (const question of conditional(form)) {
    const asked = isAsked(question, answers);
    if (asked && question.hidden) revealed.push(question);
    question.hidden = !asked;
  }
  return revealed;
}

/** Each answer that reveals a question says so to assistive technology (aria-controls). */
export function markRevealingAnswers(form) {
  for (const question of conditional(form)) {
    for (const [id, values] of Object.entries(conditionOf(question))) {
      for (const input of form.querySelectorAll(`input[name="${CSS.escape(id)}"]`)) {
        if (!values.includes(input.value)) continue;
        const controls = (input.getAttribute("aria-controls") ?? "").split(/\s+/).filter(Boolean);
        if (!controls.includes(question.id)) controls.push(question.id);
        input.setAttribute("aria-controls", controls.join(" "));
      }
    }
  }
}
