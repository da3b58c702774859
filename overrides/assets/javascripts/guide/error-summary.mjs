// GOV.UK's error pattern for the engine's validation messages: a summary at the top of the page
// ("There is a problem") that links to each field (the caller gives it focus), the same message
// next to the field with a hidden "Error:" prefix, and "Error: " at the start of the page title.
// It only adds and removes messages: nothing the person entered is ever changed. Its words come
// from `text` (wording.mjs).
import { firstControl } from "./form-answers.mjs";

/**
 * Show `errors` ({question id: message}) for `form`, with the summary placed first in `main`,
 * above the page heading. Returns the summary.
 */
export function showErrors({ form, errors, main, text }) {
  clearErrors({ form, main, text });
  const summary = document.createElement("div");
  summary.className = "guide-error-summary";
  summary.dataset.errorSummary = "";
  summary.tabIndex = -1;
  summary.setAttribute("role", "group"); // named by its title, so it is read as one piece
  summary.setAttribute("aria-labelledby", "error-summary-title");
  const title = summary.appendChild(document.createElement("h2"));
  title.className = "guide-error-summary__title";
  title.id = "error-summary-title";
  title.textContent = text("errors.title");
  const list = summary.appendChild(document.createElement("ul"));
  list.className = "guide-error-summary__list";
  for (const [id, message] of inFormOrder(form, errors)) {
    const question = form.querySelector(`[data-question="${CSS.escape(id)}"]`);
    const item = list.appendChild(document.createElement("li"));
    const control = question && firstControl(question);
    if (control) {
      const link = item.appendChild(document.createElement("a"));
      link.href = `#${control.id}`;
      link.textContent = message;
      link.addEventListener("click", (event) => {
        // Not a navigation: the address stays as it is, and Material's instant navigation,
        // which would reload the page's content for a link to the page itself, never sees it.
        event.preventDefault();
        event.stopPropagation();
        focusQuestion(question, control);
      });
      markQuestion(question, message, text("errors.prefix"));
    } else {
      item.textContent = message; // an answer to a question this form no longer asks
    }
  }
  main.prepend(summary);
  const titlePrefix = `${text("errors.prefix")} `;
  if (!document.title.startsWith(titlePrefix)) document.title = titlePrefix + document.title;
  return summary;
}

/** Remove every error message and the title prefix. */
export function clearErrors({ form, main, text }) {
  main.querySelectorAll("[data-error-summary]").forEach((summary) => summary.remove());
  for (const question of form.querySelectorAll("[data-question].plan-question--error")) {
    question.classList.remove("plan-question--error");
    const message = question.querySelector("[data-error-message]");
    const described = describedElement(question);
    setDescribedBy(described, idsOf(described).filter((id) => id !== message?.id));
    message?.remove();
  }
  const titlePrefix = `${text("errors.prefix")} `;
  if (document.title.startsWith(titlePrefix)) {
    document.title = document.title.slice(titlePrefix.length);
  }
}

// The engine lists errors by question id; people read them in the order the form asks.
function inFormOrder(form, errors) {
  const order = [...form.querySelectorAll("[data-question]")].map((q) => q.dataset.question);
  const position = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.entries(errors).sort(([a], [b]) => position(a) - position(b));
}

function markQuestion(question, text, prefixText) {
  const id = `error-${question.dataset.question}`;
  const message = document.createElement("p");
  message.className = "plan-question__error";
  message.id = id;
  message.dataset.errorMessage = "";
  const prefix = message.appendChild(document.createElement("span"));
  prefix.className = "guide-visually-hidden";
  prefix.textContent = prefixText;
  message.append(" ", text);
  // After the hint if there is one, as GOV.UK places it; else right after the question's label.
  const anchor =
    question.querySelector(":scope > .plan-question__hint") ??
    question.querySelector(":scope > legend, :scope > label");
  anchor.after(message);
  question.classList.add("plan-question--error");
  const described = describedElement(question);
  setDescribedBy(described, [...idsOf(described), id]);
}

// A group (fieldset) is described as a whole; a text box is described itself.
function describedElement(question) {
  return question.matches("fieldset") ? question : question.querySelector("input");
}

function idsOf(element) {
  return (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
}

function setDescribedBy(element, ids) {
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

function focusQuestion(question, control) {
  // As GOV.UK does: the label or legend in view above the field, so the question is seen.
  question.scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}
