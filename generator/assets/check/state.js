/* Guided check, state: pure functions of the flow (the data the page carries in
 * data-hs-check) and the address. No DOM, so Node's test runner checks them
 * (tests/js/check-state.test.js); mount.js draws what they give.
 *
 * The state lives in the address fragment: #a=<answers>&t=<fixes tried>&d=1
 * (done), and from=<section> when the answers count from another question than
 * the first (a link from the diagram). A plain #<section> starts there with no
 * answers. An answer is its number among the question's answers, `u` for "not
 * sure", `<part>-<whole>` for a share question, `<number>` for a count.
 * Sections are named by the page (flow.start, the keys of flow.q and flow.o):
 * nothing here spells their names. A large check is cut into parts, one page
 * each; a part's page holds the questions on the way to it, so the answers
 * still count from the first question, and flow.x names the sections an answer
 * leads to on another part: [its page's address, questions left from there].
 */
var HelpsiteCheck = (function () {
  "use strict";
  var own = Object.prototype.hasOwnProperty;

  function elsewhere(flow, id) { return !!flow.x && own.call(flow.x, id); }
  function isSection(flow, id) { return own.call(flow.q, id) || own.call(flow.o, id) || elsewhere(flow, id); }

  function parse(flow, fragment) {
    var raw = fragment.replace(/^#/, "");
    var p = new URLSearchParams(raw);
    var a = p.get("a");
    var from = p.get("from") || (p.has("a") ? "" : raw);
    return {
      from: isSection(flow, from) ? from : flow.start,
      a: a ? a.split(".") : [],
      t: Math.max(0, parseInt(p.get("t"), 10) || 0),
      d: p.get("d") === "1"
    };
  }

  function format(flow, s) {
    return "#" + (s.from === flow.start ? "" : "from=" + s.from + "&") + "a=" + s.a.join(".") +
      (s.t ? "&t=" + s.t : "") + (s.d ? "&d=1" : "");
  }

  // The share rule, written once: above the threshold when part/whole > t%.
  // With t from 0 to 99 both ways can be reached (0 of n, and n of n); at 100
  // the first could not, which is why the schema stops at 99.
  function shareAbove(part, whole, t) { return part * 100 > t * whole; }

  // Where `pick` leads from question `q`, or null when it does not fit it.
  function next(q, pick) {
    if (pick === "u") return q.u === undefined ? null : q.a[q.u];
    var m = /^(\d+)-(\d+)$/.exec(pick);
    if (q.share !== undefined) {
      if (!m || +m[1] > +m[2]) return null;
      return q.a[+m[2] === 0 ? 2 : shareAbove(+m[1], +m[2], q.share) ? 0 : 1];
    }
    if (!/^\d+$/.test(pick)) return null;
    if (q.count) {
      var i = 0;
      while (i < q.count.length && +pick > q.count[i]) i++;
      return q.a[i];
    }
    return +pick < (q.u === undefined ? q.a.length : q.u) ? q.a[+pick] : null;
  }

  // Follows the answers from s.from, and stops at the first that does not fit.
  function walk(flow, s) {
    var at = s.from;
    var trail = [];
    for (var i = 0; i < s.a.length && own.call(flow.q, at); i++) {
      var to = next(flow.q[at], s.a[i]);
      if (to === null) break;
      trail.push({ at: at, pick: s.a[i] });
      at = to;
    }
    return { from: s.from, at: at, trail: trail, picks: trail.map(function (x) { return x.pick; }) };
  }

  // The most questions still to answer from `at` before an outcome (the flow
  // has no loops: the check refuses them).
  function ahead(flow, at, memo) {
    if (!own.call(flow.q, at)) return elsewhere(flow, at) ? flow.x[at][1] : 0;
    if (!own.call(memo, at)) {
      memo[at] = 1 + Math.max.apply(null, flow.q[at].a.map(function (to) { return ahead(flow, to, memo); }));
    }
    return memo[at];
  }

  // "Question n of at most m", on a question.
  function progress(flow, w) {
    return { n: w.trail.length + 1, most: w.trail.length + ahead(flow, w.at, {}) };
  }

  // The address of the state on the part that shows where the answers lead, if
  // this page does not.
  function away(flow, w, fragment) { return elsewhere(flow, w.at) ? flow.x[w.at][0] + fragment : null; }

  // The fixes tried at an outcome: the first t of its ladder; titled as the page
  // titles them, or (`original`) in the dataset's own language.
  function tried(flow, w, t, original) { return ((original ? flow.oo : flow.o)[w.at] || []).slice(0, t); }

  return {
    parse: parse, format: format, shareAbove: shareAbove, next: next, walk: walk,
    progress: progress, tried: tried, isSection: isSection, away: away
  };
})();
if (typeof module === "object" && module.exports) module.exports = HelpsiteCheck;
