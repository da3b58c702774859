// A link that carries the answers in its #fragment. Browsers never send the fragment to a
// server (not in the request, not in a Referer), so the link works on a static site and the
// answers still never leave the device unless the person shares the link.

const PREFIX = "answers=";

/** The page's address with these answers in its fragment. */
export function shareLink(answers, pageURL = location.href) {
  const url = new URL(pageURL);
  url.hash = PREFIX + toBase64URL(JSON.stringify(answers));
  return url.href;
}

/** True if the fragment is one of ours (whether or not it can be read). */
export function hasSharedAnswers(hash = location.hash) {
  return hash.replace(/^#/, "").startsWith(PREFIX);
}

/** The answers in a fragment made by shareLink, or null if it is not one or is damaged. */
export function sharedAnswers(hash = location.hash) {
  const fragment = hash.replace(/^#/, "");
  if (!fragment.startsWith(PREFIX)) return null;
  let answers;
  try {
    answers = JSON.parse(fromBase64URL(fragment.slice(PREFIX.length)));
  } catch {
    return null;
  }
  return isAnswers(answers) ? answers : null;
}

/** Take the answers out of the address bar without adding a history entry. */
export function forgetSharedAnswers() {
  const url = new URL(location.href);
  url.hash = "";
  history.replaceState(history.state, "", url.href.replace(/#$/, ""));
}

function isAnswers(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.values(value).every(
    (answer) =>
      typeof answer === "string" ||
      (Array.isArray(answer) && answer.every((item) => typeof item === "string")),
  );
}

function toBase64URL(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64URL(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
