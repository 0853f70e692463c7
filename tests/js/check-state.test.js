// The guided check's state, without a browser: `node --test tests/js/`.
// tests/test_widget.py runs this as part of `make test`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const S = require("../../generator/assets/check/state.js");

// A flow as the page carries it: a choice question with "not sure", a share
// question (threshold 50, with zero and "not sure"), a count question.
const flow = {
  start: "q-first",
  q: {
    "q-first": { a: ["o-a", "q-share", "q-share"], u: 2 },
    "q-share": { a: ["o-b", "q-count", "o-c", "o-c"], u: 3, share: 50 },
    "q-count": { a: ["o-a", "o-b", "o-c", "o-c"], u: 3, count: [0, 3] }
  },
  o: { "o-a": ["Fix one", "Fix two"], "o-b": ["Fix three"], "o-c": [] }
};

test("the address reads back as it was written", () => {
  for (const s of [
    { from: "q-first", a: [], t: 0, d: false },
    { from: "q-first", a: ["1", "7-10"], t: 1, d: true },
    { from: "q-share", a: ["u"], t: 0, d: false }
  ]) {
    assert.deepEqual(S.parse(flow, S.format(flow, s)), s);
  }
  assert.equal(S.format(flow, { from: "q-first", a: ["1"], t: 0, d: false }), "#a=1");
});

test("a plain anchor starts there; anything else starts at the first question", () => {
  assert.equal(S.parse(flow, "#q-count").from, "q-count");
  assert.equal(S.parse(flow, "#o-b").from, "o-b");
  for (const junk of ["", "#nowhere", "#constructor", "#__proto__", "#from=toString&a=1"]) {
    assert.equal(S.parse(flow, junk).from, "q-first", junk);
  }
});

test("answers lead where the flow says, and the walk stops at one that does not fit", () => {
  const walk = (a) => S.walk(flow, { from: "q-first", a: a, t: 0, d: false });
  assert.equal(walk(["0"]).at, "o-a");
  assert.equal(walk(["u"]).at, "q-share");
  assert.equal(walk(["1", "6-10"]).at, "o-b"); // 60% is above half
  assert.equal(walk(["1", "5-10"]).at, "q-count"); // 50% is not
  assert.equal(walk(["1", "0-0"]).at, "o-c"); // nothing to count: the zero answer
  assert.equal(walk(["1", "u"]).at, "o-c");
  assert.equal(walk(["1", "5-10", "0"]).at, "o-a");
  assert.equal(walk(["1", "5-10", "3"]).at, "o-b");
  assert.equal(walk(["1", "5-10", "4"]).at, "o-c");
  assert.equal(walk(["1", "5-10", "12"]).at, "o-c");
  // Not answers: a share of more than the whole, an index past the answers, words.
  for (const bad of [["1", "11-10"], ["3"], ["2"], ["x"], ["1", "7"], ["1", "5-10", "-1"]]) {
    const w = walk(bad);
    assert.equal(w.trail.length, bad.length - 1, bad.join("."));
  }
});

test("the share rule leaves both answers reachable for every threshold the schema allows", () => {
  const schema = JSON.parse(fs.readFileSync(
    path.join(__dirname, "../../schema/question.schema.json"), "utf8"));
  const threshold = schema.properties.share.properties.threshold;
  for (let t = threshold.minimum; t <= threshold.maximum; t++) {
    let above = false, otherwise = false;
    for (let whole = 1; whole <= 100 && !(above && otherwise); whole++) {
      for (let part = 0; part <= whole; part++) {
        if (S.shareAbove(part, whole, t)) above = true; else otherwise = true;
      }
    }
    assert.ok(above && otherwise, `threshold ${t}`);
  }
  // One past the schema's maximum, nothing is above: why the schema stops there.
  const past = threshold.maximum + 1;
  assert.ok(![...Array(101).keys()].some((part) => S.shareAbove(part, 100, past)));
});

test("progress counts the questions answered and the most still to come", () => {
  const at = (a) => S.progress(flow, S.walk(flow, { from: "q-first", a: a, t: 0, d: false }));
  assert.deepEqual(at([]), { n: 1, most: 3 });
  assert.deepEqual(at(["1"]), { n: 2, most: 3 });
  assert.deepEqual(at(["1", "5-10"]), { n: 3, most: 3 });
});

test("the fixes tried are the first of the outcome's ladder, from the flow's data", () => {
  const w = S.walk(flow, { from: "q-first", a: ["0"], t: 0, d: false });
  assert.deepEqual(S.tried(flow, w, 0), []);
  assert.deepEqual(S.tried(flow, w, 1), ["Fix one"]);
  assert.deepEqual(S.tried(flow, w, 5), ["Fix one", "Fix two"]);
});

// A part of a large check: the way to it from the first question, its own
// sections, and where the answers to other parts lead (`x`).
const part = {
  start: "q-first",
  q: {
    "q-first": { a: ["q-here", "q-there"] },
    "q-here": { a: ["o-here", "q-next"] }
  },
  o: { "o-here": ["Fix one"] },
  x: { "q-there": ["../q-there/", 4], "q-next": ["../q-next/", 2] }
};

test("answers that lead to another part send the same address there", () => {
  const walked = (fragment) => S.walk(part, S.parse(part, fragment));
  assert.equal(S.away(part, walked("#a=0.0"), "#a=0.0"), null);
  assert.equal(S.away(part, walked("#a=0"), "#a=0"), null);
  assert.equal(S.away(part, walked("#a=1.1.0"), "#a=1.1.0"), "../q-there/#a=1.1.0");
  assert.equal(S.away(part, walked("#a=0.1"), "#a=0.1"), "../q-next/#a=0.1");
  // A plain anchor of a section on another part is that part's to show.
  assert.equal(S.away(part, walked("#q-next"), "#q-next"), "../q-next/#q-next");
  assert.equal(S.away(part, walked("#constructor"), "#constructor"), null);
});

test("progress on a part counts the questions on the other parts too", () => {
  const walked = S.walk(part, S.parse(part, "#a=0"));
  assert.deepEqual(S.progress(part, walked), { n: 2, most: 1 + 1 + 2 });
  assert.deepEqual(S.progress(part, S.walk(part, S.parse(part, "#a="))), { n: 1, most: 1 + 4 });
});

test("the page hides the check while it restores exactly the addresses that carry answers", () => {
  // theme/main.html hides the check until the script has drawn where an address's
  // answers lead: its pattern must know the address format state.js writes.
  const head = fs.readFileSync(path.join(__dirname, "../../generator/theme/main.html"), "utf8");
  const literal = head.match(/if \(\/(.+?)\/\.test\(location\.hash\)\)/);
  assert.ok(literal, "the restoring script in theme/main.html");
  const restoring = new RegExp(literal[1]);
  for (const s of [
    { from: "q-first", a: ["1"], t: 0, d: false },
    { from: "q-first", a: ["1", "7-10"], t: 1, d: true },
    { from: "q-share", a: [], t: 0, d: false },
    { from: "q-share", a: ["u"], t: 0, d: false }
  ]) {
    const address = S.format(flow, s);
    assert.ok(restoring.test(address), address);
    assert.deepEqual(S.parse(flow, address), s);
  }
  // The first question, a plain anchor: the page shows them as they are.
  for (const plain of [S.format(flow, { from: "q-first", a: [], t: 0, d: false }), "", "#q-count"]) {
    assert.ok(!restoring.test(plain), plain);
  }
});
