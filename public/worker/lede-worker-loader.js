// Starts the analysis worker: asks for the wasm first, so that its download (and the streaming
// compile that follows it) overlaps loading wasm-bindgen's no-modules glue, then hands the
// response to the glue, whose `main` (lede::worker::run) takes over the messages.
//
// Until then, requests are kept in `ledeQueue`, so the page can post its first one at once rather
// than wait for a "ready" round trip: `run` answers the newest of them once its models are built.
var ledeQueue = [];
self.onmessage = function (e) {
  ledeQueue.push(e.data);
};
var wasm = fetch('./lede-worker_bg.wasm');
importScripts('./lede-worker.js');
wasm_bindgen({ module_or_path: wasm });
