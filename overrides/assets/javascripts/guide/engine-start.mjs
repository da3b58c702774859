// Loaded from the <head> of the pages with the engine, the plan builder's and the diary's
// (overrides/main.html): starts the page's one engine before the rest of the page's scripts
// run. plan-builder.mjs or diary-page.mjs gets this same engine from engineClient() later,
// whether it is still loading or ready by then.
import { engineClient } from "./engine-client.mjs";

engineClient();
