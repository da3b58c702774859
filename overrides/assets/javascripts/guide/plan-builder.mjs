// The plan builder page: reads the server-rendered form, asks the engine, shows the result.
import { engineClient } from "./engine-client.mjs";

const STATE_TEXT = {
  loading: "The plan builder is getting ready in your browser…",
  ready: "The plan builder is ready. Your answers stay on this device.",
  failed: "The plan builder could not start in this browser.",
};

/** The answers as the engine expects them: text for single answers, lists for multiple choice. */
export function readAnswers(form) {
  const answers = {};
  for (const field of form.querySelectorAll("[data-question]")) {
    const id = field.dataset.question;
    if (field.dataset.kind === "any_of") {
      answers[id] = [...field.querySelectorAll("input:checked")].map((input) => input.value);
    } else if (field.dataset.kind === "one_of") {
      const chosen = field.querySelector("input:checked");
      if (chosen) answers[id] = chosen.value;
    } else {
      const input = field.querySelector("input");
      if (input && input.value.trim() !== "") answers[id] = input.value.trim();
    }
  }
  return answers;
}

function showState(status, { state, message }) {
  status.dataset.state = state;
  status.textContent = state === "failed" && message ? `${STATE_TEXT.failed} (${message})` : STATE_TEXT[state];
}

export function startPlanBuilder(root) {
  const form = root.querySelector("form");
  const status = root.querySelector("[data-engine-status]");
  const result = root.querySelector("[data-plan-result]");
  const engine = engineClient();
  showState(status, { state: engine.state, ...engine.detail });
  engine.addEventListener("state", (event) => showState(status, event.detail));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    result.textContent = "";
    const response = await engine.request({ action: "plan", answers: readAnswers(form) }).catch(
      (error) => ({ ok: false, error: error.message }),
    );
    if (response.ok) {
      result.innerHTML = response.html; // the engine escapes everything it puts in HTML
    } else if (response.errors) {
      const list = document.createElement("ul");
      for (const [question, message] of Object.entries(response.errors)) {
        const item = list.appendChild(document.createElement("li"));
        item.dataset.question = question;
        item.textContent = message;
      }
      result.append(list);
    } else {
      result.textContent = response.error;
    }
  });
}
