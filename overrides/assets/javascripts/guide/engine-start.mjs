// Loaded from the plan builder page's <head> (overrides/main.html): starts the page's one engine
// before the rest of the page's scripts run. plan-builder.mjs gets this same engine from
// engineClient() later, whether it is still loading or ready by then.
import { engineClient } from "./engine-client.mjs";

engineClient();
