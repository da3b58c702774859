// Shows what an import would do before it does it: the preview of a file the engine has
// checked, or the table of the problems it found, each with its row and column.

export class DiaryImport {
  constructor(root, text) {
    this.text = text;
    this.preview = root.querySelector("[data-import-preview]");
    this.problems = root.querySelector("[data-import-problems]");
  }

  /** `result`: the engine's reply to the file ({preview, entries, ...}), or null to hide it. */
  showPreview(result) {
    this.preview.hidden = result === null;
    if (!result) return;
    const { nights, first_night: first, last_night: last, evenings, mornings } = result.preview;
    this.preview.querySelector("[data-preview-text]").textContent = nights
      ? this.text("import.preview", { nights, first, last, evenings, mornings })
      : this.text("import.empty");
    // An empty file replaces nothing and adds nothing: only "Cancel" is offered.
    for (const button of this.preview.querySelectorAll("[data-import-replace], [data-import-merge]")) {
      button.closest("li").hidden = nights === 0;
    }
  }

  /** `problems`: [{row, column, message}], in the engine's order; none hides the table. */
  showProblems(problems) {
    this.problems.hidden = problems.length === 0;
    const rows = problems.map(({ row, column, message }) => {
      const line = document.createElement("tr");
      const heading = line.appendChild(document.createElement("th"));
      heading.scope = "row";
      heading.textContent = row;
      line.appendChild(document.createElement("td")).textContent = column;
      line.appendChild(document.createElement("td")).textContent = message;
      return line;
    });
    this.problems.querySelector("[data-problem-rows]").replaceChildren(...rows);
  }
}
