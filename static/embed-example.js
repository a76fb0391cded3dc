// The example of README "Embedding the engine": load the wasm, hand it the language data,
// compare. `wasm_bindgen` is the global that tifa-engine.js (wasm-bindgen's no-modules
// target) defines.
/* global wasm_bindgen */
const text = async (path) => {
  const response = await fetch(path);
  return response.ok ? response.text() : '';
};

async function start() {
  await wasm_bindgen({ module_or_path: 'tifa-engine_bg.wasm' });
  // The formulation lexicon, the Chinese word list and the phrase table; any may be ''.
  wasm_bindgen.language(await text('lexicon.tsv'), await text('zh_words.txt'), await text('phrases.tsv'));
  window.tifa = { compare: wasm_bindgen.compare, timeline: wasm_bindgen.timeline };
  const run = document.getElementById('run');
  run.disabled = false;
  document.getElementById('status').textContent = 'Ready.';
  run.addEventListener('click', () => {
    const a = document.getElementById('a').value;
    const b = document.getElementById('b').value;
    const result = window.tifa.compare(a, b, { title_a: 'A', title_b: 'B' });
    const list = document.getElementById('formulations');
    list.replaceChildren(
      ...result.slogans
        .filter((s) => s.status !== 'kept')
        .map((s) => {
          const item = document.createElement('li');
          item.textContent = `${s.text}: ${s.status} (${s.count_a} → ${s.count_b})`;
          return item;
        }),
    );
    document.getElementById('out').textContent = JSON.stringify(result, null, 2);
  });
  window.tifaReady = true;
}

start().catch((e) => {
  document.getElementById('status').textContent = `The engine could not be loaded: ${e}`;
});
