// tifa's comparison worker. It loads the page's own wasm (the page tells it where the
// wasm-bindgen loader and the .wasm are) and runs large comparisons off the main thread,
// so the page keeps answering while two long reports are compared (src/ui/offload.rs).
//
// Messages from the page:
//   {init: {glue, wasm, lexicon}}    once, first
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
    const { glue, wasm, lexicon } = message.init;
    ready = (async () => {
      const bindings = await import(glue);
      await bindings.default({ module_or_path: wasm });
      bindings.tifa_worker_lexicon(lexicon);
      return bindings;
    })();
    ready.catch(() => {});
    return;
  }
  const { job, a, b, options } = message;
  let bindings;
  try {
    bindings = await ready;
  } catch (e) {
    self.postMessage({ job, unavailable: `the comparison worker could not load tifa (${e})` });
    return;
  }
  try {
    const report = (stage, percent) => self.postMessage({ job, progress: [stage, percent] });
    const bytes = bindings.tifa_worker_compare(a, b, options, report);
    self.postMessage({ job, bytes }, [bytes.buffer]);
  } catch (e) {
    let why = String(e);
    try {
      why = bindings.tifa_worker_panic_message() || why;
    } catch (_) {
      // The wasm is stopped; the error itself is all there is.
    }
    self.postMessage({ job, error: `the comparison stopped: ${why}`, fatal: true });
  }
};
