// tifa's comparison worker. It loads the engine's own wasm (bin tifa-worker, built by trunk
// next to this file, optimised for speed) and runs large comparisons off the main thread,
// so the page keeps answering while two long reports are compared (src/ui/offload.rs).
//
// Messages from the page:
//   {init: {lexicon, words, phrases}}  once, first (the lexicon's TSV, the Chinese word list,
//                                      the phrase table)
//   {job, a, b, options}             compare a with b (options as JSON)
// Messages to the page:
//   {job, progress: [stage, percent]}  while it works
//   {job, bytes}                       the comparison in binary form (a Uint8Array)
//   {job, error, fatal}                why there is none (fatal: the wasm stopped; the page
//                                      starts a new worker for the next job)
//   {job, unavailable}                 the wasm could not be loaded here (the page then
//                                      compares on the main thread)
let ready = Promise.reject(new Error('the worker was not initialised'));
ready.catch(() => {});

self.onmessage = async (event) => {
  const message = event.data;
  if (message.init) {
    ready = (async () => {
      // The loader defines the global `wasm_bindgen` (wasm-bindgen's no-modules target).
      importScripts('tifa-worker.js');
      await wasm_bindgen({ module_or_path: 'tifa-worker_bg.wasm' });
      wasm_bindgen.tifa_worker_lexicon(message.init.lexicon, message.init.words, message.init.phrases);
      return wasm_bindgen;
    })();
    ready.catch(() => {});
    return;
  }
  const { job, a, b, options } = message;
  let engine;
  try {
    engine = await ready;
  } catch (e) {
    self.postMessage({ job, unavailable: `the comparison worker could not load tifa (${e})` });
    return;
  }
  try {
    const report = (stage, percent) => self.postMessage({ job, progress: [stage, percent] });
    const bytes = engine.tifa_worker_compare(a, b, options, report);
    self.postMessage({ job, bytes }, [bytes.buffer]);
  } catch (e) {
    let why = String(e);
    try {
      why = engine.tifa_worker_panic_message() || why;
    } catch (_) {
      // The wasm is stopped; the error itself is all there is.
    }
    self.postMessage({ job, error: `the comparison stopped: ${why}`, fatal: true });
  }
};
