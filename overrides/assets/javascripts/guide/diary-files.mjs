// The diary as a file: saved by the browser from memory (never from a server), and read from
// the person's own device.

/**
 * Save `text` as a file called `name`. The link that saves it is never put in the page, so no
 * page script (Material's instant navigation) takes its click for a navigation.
 */
export function saveFile(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // after the browser has taken it
}

/** A chosen file's text (UTF-8; the engine reports a file that is not text). */
export function fileText(file) {
  return file.text();
}
