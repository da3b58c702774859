// The messages the plan builder and the diary page share: the alert when the engine cannot
// start or stops, and a notice (a sentence, and a list when there is one). `text` is the page's
// wording function; the wording itself comes from content.

/** The engine-problem box from the page's template; the caller wires its restart button. */
export function engineProblemBox(root, text, problem) {
  const template = root.querySelector('template[data-template="engine-problem"]');
  const box = template.content.firstElementChild.cloneNode(true);
  box.querySelector("[data-problem-heading]").textContent = text(
    problem.crashed ? "problem.crashed" : "problem.notStarted",
  );
  box.querySelector("[data-problem-detail]").textContent = problem.detail ?? "";
  return box;
}

/** A notice `{key, values?, items?}` as nodes: its sentence, then its items as a list. */
export function noticeParts(text, notice) {
  const paragraph = document.createElement("p");
  paragraph.textContent = text(`notice.${notice.key}`, notice.values);
  const parts = [paragraph];
  if (notice.items?.length) {
    const list = document.createElement("ul");
    for (const item of notice.items) list.appendChild(document.createElement("li")).textContent = item;
    parts.push(list);
  }
  return parts;
}
