// Starts the analysis worker: asks for the wasm first, so that its download (and the streaming
// compile that follows it) overlaps loading wasm-bindgen's no-modules glue, then hands the
// response to the glue, whose `main` (lede::worker::run) listens for requests and posts "ready".
var wasm = fetch('./lede-worker_bg.wasm');
importScripts('./lede-worker.js');
wasm_bindgen({ module_or_path: wasm });
