// Shows the engine's plan and the ways to keep it: print, a calendar file, a link.
// The plan's HTML comes from the engine, which escapes every piece of text it puts in it.

let calendarURL = null;

/**
 * Fill the result area (server-rendered, with the wording of its buttons) with a plan response
 * ({html, ics}) and the share link; returns the plan's heading, ready to take focus.
 */
export function showPlan(result, response, link) {
  const body = result.querySelector("[data-plan-body]");
  body.innerHTML = response.html;
  labelTableCells(body);

  const calendar = result.querySelector("[data-calendar]");
  const download = result.querySelector("[data-calendar-link]");
  if (calendarURL) URL.revokeObjectURL(calendarURL);
  calendarURL = response.ics
    ? URL.createObjectURL(new Blob([response.ics], { type: "text/calendar;charset=utf-8" }))
    : null;
  calendar.hidden = calendarURL === null; // the plan itself says why there is no calendar
  if (calendarURL) download.href = calendarURL;
  else download.removeAttribute("href");

  result.querySelector("[data-share-link]").value = link;
  result.querySelector("[data-copy-status]").textContent = "";

  const heading = body.querySelector("h2, h3") ?? body;
  heading.tabIndex = -1;
  return heading;
}

/** Wire the result's buttons once: print, and copy the link. */
export function wirePlanActions(result, signal) {
  result.querySelector("[data-print]").addEventListener("click", () => window.print(), { signal });
  const copy = result.querySelector("[data-copy-link]");
  copy.addEventListener("click", () => copyLink(result), { signal });
}

async function copyLink(result) {
  const field = result.querySelector("[data-share-link]");
  const status = result.querySelector("[data-copy-status]");
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch {
    field.select(); // clipboard refused (permissions, older browser): copying by hand is one step
    copied = document.execCommand?.("copy") ?? false;
  }
  status.textContent = copied ? status.dataset.textCopied : status.dataset.textSelect;
}

/**
 * Give each cell of the plan's tables the text of its column heading, so narrow screens can
 * show each row as a small card ("Minutes: 10") instead of a table wider than the screen.
 */
export function labelTableCells(container) {
  for (const table of container.querySelectorAll("table")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (!headings.length) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, index) => {
        if (headings[index]) cell.dataset.label = headings[index];
      });
    }
    table.dataset.labelled = "";
  }
}
