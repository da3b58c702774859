// The plan builder's form as answers and back. The form is rendered at build from the
// questionnaire: each question is an element with data-question (its id) and data-kind, and
// each control's name is the question id.

const UNREADABLE = "unreadable";

/** Every question element of the form, in order. */
export function questionElements(form) {
  return [...form.querySelectorAll("[data-question]")];
}

/** The answers as the engine expects them: text for single answers, lists for multiple choice. */
export function readAnswers(form) {
  const answers = {};
  for (const question of questionElements(form)) {
    const id = question.dataset.question;
    const kind = question.dataset.kind;
    if (kind === "any_of") {
      answers[id] = [...question.querySelectorAll("input:checked")].map((input) => input.value);
    } else if (kind === "one_of") {
      const chosen = question.querySelector("input:checked");
      if (chosen) answers[id] = chosen.value;
    } else {
      const input = question.querySelector("input");
      // A date field holding something that is not a whole date has the value "": the engine
      // is sent a value it rejects, so the person gets the question's own message, not silence.
      if (input?.validity.badInput) answers[id] = UNREADABLE;
      else if (input && input.value.trim() !== "") answers[id] = input.value.trim();
    }
  }
  return answers;
}

/**
 * Put answers into the form, replacing what is there. Returns the ids of the answers that could
 * not be put back (a question or an option that no longer exists, or a value of the wrong shape).
 */
export function writeAnswers(form, answers) {
  const questions = new Map(questionElements(form).map((q) => [q.dataset.question, q]));
  const notRestored = Object.keys(answers).filter((id) => !questions.has(id));
  for (const [id, question] of questions) {
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    if (!putAnswer(question, value)) notRestored.push(id);
  }
  return notRestored;
}

function putAnswer(question, value) {
  const kind = question.dataset.kind;
  if (kind === "one_of" || kind === "any_of") {
    let wanted = [];
    if (value !== undefined) wanted = kind === "any_of" && Array.isArray(value) ? value : [value];
    const inputs = [...question.querySelectorAll("input")];
    for (const input of inputs) input.checked = wanted.includes(input.value);
    const known = new Set(inputs.map((input) => input.value));
    return wanted.every((item) => typeof item === "string" && known.has(item));
  }
  const input = question.querySelector("input");
  input.value = typeof value === "string" ? value : "";
  return value === undefined || typeof value === "string";
}

/**
 * Date fields start at today, in the person's own time zone (set again on focus, for a page
 * left open past midnight). Their picker then offers no evening that has gone.
 */
export function limitDates(form, signal) {
  const setMin = (input) => {
    // Only when the day has changed: setting it again would clear a half-typed date.
    const today = localDate(new Date());
    if (input.min !== today) input.min = today;
  };
  for (const input of form.querySelectorAll('input[type="date"]')) {
    setMin(input);
    input.addEventListener("focus", () => setMin(input), { signal });
  }
}

function localDate(day) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The control an error message links to: the text box, or a group's first option. */
export function firstControl(question) {
  return question.querySelector("input");
}

/**
 * A short fingerprint of what the form asks: question ids, kinds, limits and answer values (not
 * the wording). Saved answers carry it, so answers kept from an older questionnaire are noticed.
 */
export function questionnaireVersion(form) {
  const parts = questionElements(form).map((question) => {
    const { question: id, kind, required = "", min = "", max = "" } = question.dataset;
    const values = [...question.querySelectorAll("input[value]")].map(
      (input) => input.value + ("exclusive" in input.dataset ? "!" : ""),
    );
    return [id, kind, required, min, max, values.join(",")].join(":");
  });
  return fnv1a(parts.join("|"));
}

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `q${hash.toString(36)}`;
}
