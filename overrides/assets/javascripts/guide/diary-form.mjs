// A diary check-in form (drawn at build by diary.md.j2) as entry values and back. Each field
// is an element with data-question (the diary field id, also each control's name) and
// data-kind. Fields asked only with the mat sit in a block that "Yes" reveals; while hidden
// they are not read (and what was typed in them stays, in case the answer changes back).

const UNREADABLE = "unreadable"; // a half-typed date or time: the engine's own message follows

export function fieldElements(form) {
  return [...form.querySelectorAll("[data-question]")];
}

/** The form's values as an entry: text for single answers, a list for checkboxes. */
export function readCheckIn(form) {
  const entry = {};
  for (const field of fieldElements(form)) {
    if (field.closest("[hidden]")) continue;
    const id = field.dataset.question;
    const kind = field.dataset.kind;
    if (kind === "any_of") {
      entry[id] = [...field.querySelectorAll("input:checked")].map((input) => input.value);
    } else if (kind === "one_of") {
      const chosen = field.querySelector("input:checked");
      if (chosen) entry[id] = chosen.value;
    } else {
      const input = field.querySelector("input");
      if (input.validity.badInput) entry[id] = UNREADABLE;
      else if (input.value.trim() !== "") entry[id] = input.value.trim();
    }
  }
  return entry;
}

/** True if nothing but the night is answered. */
export function isBlank(entry) {
  return Object.entries(entry).every(
    ([id, value]) => id === "night" || (Array.isArray(value) ? !value.length : value === undefined),
  );
}

/** Put an entry's values for this form's fields in (null or missing: empty). */
export function writeCheckIn(form, entry) {
  for (const field of fieldElements(form)) {
    const value = entry[field.dataset.question];
    const kind = field.dataset.kind;
    if (kind === "one_of" || kind === "any_of") {
      const wanted = Array.isArray(value) ? value : isEmpty(value) ? [] : [String(value)];
      for (const input of field.querySelectorAll("input")) input.checked = wanted.includes(input.value);
    } else {
      const input = field.querySelector("input");
      input.value = isEmpty(value) ? "" : String(value);
      delete input.dataset.prefilled;
    }
  }
  showWithTheMat(form);
}

function isEmpty(value) {
  return value === null || value === undefined;
}

/**
 * Fill in what the plan expects (`values`: {field id: text}) where the person has not typed
 * anything of their own: an empty field, or one still holding the previous suggestion.
 */
export function suggest(form, values) {
  for (const [id, value] of Object.entries(values)) {
    const input = form.querySelector(`[data-question="${CSS.escape(id)}"] input`);
    if (!input || (input.value !== "" && input.value !== input.dataset.prefilled)) continue;
    input.value = value ?? "";
    if (isEmpty(value)) delete input.dataset.prefilled;
    else input.dataset.prefilled = value;
  }
}

/** Reveal the fields asked only with the mat when "Yes" is chosen. */
export function showWithTheMat(form) {
  const block = form.querySelector("[data-with-the-mat]");
  if (!block) return;
  const yes = form.querySelector(`input[aria-controls="${CSS.escape(block.id)}"]`);
  block.hidden = !yes.checked;
}

/** The night field of a check-in. */
export function nightField(form) {
  return form.querySelector("[data-night]");
}

/**
 * The night a check-in is most likely about, in the person's own time zone: a morning
 * check-in is about the night that began yesterday evening; an evening check-in is today's,
 * unless it is filled in after midnight (before noon), when the evening was yesterday's.
 */
export function likelyNight(checkIn, now = new Date()) {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (checkIn === "morning" || now.getHours() < 12) day.setDate(day.getDate() - 1);
  return localDate(day);
}

export function localDate(day) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The control an error message links to: the text box, or a group's first option. */
export function firstField(form) {
  return fieldElements(form).find((field) => field.dataset.question !== "night" && !field.closest("[hidden]"));
}
