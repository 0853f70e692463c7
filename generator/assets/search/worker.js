/* The theme's search worker (mkdocs-material's, which holds lunr), with typed
 * words treated as the index's words are.
 *
 * The theme adds a wildcard to every typed word, so that a word is found while
 * it is typed (`заказов*`), and lunr skips its query pipeline, the stemmer
 * included, for such words. With the index stemmed (`заказам` is indexed as
 * `заказ`), `заказов` would then find nothing. Here each such word's beginning
 * goes through the stemmer that stems the index (`заказов` -> `заказ*`, which
 * finds `заказам`, `заказы`, `заказ`), and every other query word through that
 * same stemmer only: lunr's English stemmer stays behind in the query pipeline
 * of a language whose lunr support has no stemmer of its own (Korean). Without
 * a stemmer in the index (a language lunr cannot stem, such as Polish) a typed
 * word is looked up without its likely ending (`ending` below). Typed stop
 * words, which the index leaves out, match
 * whole stems only in a query of several words.
 *
 * The site serves this under the theme's worker's name, and the theme's worker
 * beside it under another (the plugin writes that name below), so that both
 * find lunr's language files as before: from a worker, and from the iframe
 * that the offline build's shim runs a worker in under file://, where
 * importScripts returns a promise and `document.currentScript` is this script.
 */
(function () {
  "use strict";
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var stemmers = [];
  var stopWords = [];

  function run(lunr, fns, word) {
    var token = new lunr.Token(word, {});
    for (var i = 0; i < fns.length && token; i++) token = fns[i](token, 0, [token]);
    return token ? token.toString() : "";
  }

  // An index no stemmer made (a language lunr cannot stem, such as Polish):
  // a typed word's last letters are most often its ending (`pomyłka`,
  // `pomyłkę`, `pomyłki`), so a word of five letters or more is looked up
  // by its beginning without them, never shorter than four letters. Not for
  // words with digits (order numbers) or in scripts without such endings
  // (Korean, Chinese, Japanese), which stay as typed.
  function ending(word) {
    if (word.length < 5 || /[0-9\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]/.test(word)) return word;
    return word.slice(0, Math.max(4, word.length - 2));
  }

  function patch(lunr) {
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var labels = this.pipeline.toJSON();
      var pick = function (kind) {
        return labels
          .filter(function (label) { return label.indexOf(kind) === 0; })
          .map(function (label) { return lunr.Pipeline.registeredFunctions[label]; });
      };
      stemmers = pick("stemmer");
      stopWords = pick("stopWordFilter");
      this.searchPipeline.reset();
      this.searchPipeline.add.apply(this.searchPipeline, stemmers);
      return build.apply(this, arguments);
    };
    var parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function () {
      var query = parse.apply(this, arguments);
      var typed = query.clauses.filter(function (clause) { return /^[^*]+\*$/.test(clause.term); });
      typed.forEach(function (clause) {
        var word = clause.term.slice(0, -1);
        var stem = stemmers.length ? run(lunr, stemmers, word) || word : ending(word);
        // A stop word is not in the index, and as a beginning it would match
        // every word it begins (`с*`): among other words, it matches its own
        // stem's words only (`много` matches `многим`). Alone, it is the word
        // being typed, and stays a beginning.
        var stop = typed.length > 1 && !run(lunr, stopWords, word);
        clause.term = stop ? stem : stem + "*";
      });
      return query;
    };
  }

  var loaded = importScripts(new URL("__THEME_WORKER__", here).href);
  if (loaded && typeof loaded.then === "function") loaded.then(function () { patch(self.lunr); });
  else patch(self.lunr);
})();
