/* Guided check: one question at a time over the server-rendered steps.
 *
 * The page already works without this script: every answer is a link to the
 * next section. This script keeps the state in the URL fragment
 * (#a=<answers>&t=<remedies tried>&d=1), derives everything shown from it, and
 * only toggles and fills elements the page already has. Content is only ever
 * read with textContent and written with createElement/textContent.
 * The answers count from the first question, or from the section named by
 * from=<section id>: a link into the middle of the check (the diagram's boxes,
 * any #q-<id> or #o-<id> anchor) starts there, and #q-<id> alone is read as
 * from=q-<id> with no answers yet.
 * A classic script (no modules, fetch or workers) so that it runs from file://.
 */
(function () {
  "use strict";
  var root = null;
  var tree = null;

  function $(sel, el) { return (el || root).querySelector(sel); }
  function $$(sel, el) { return (el || root).querySelectorAll(sel); }
  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }
  function make(tag, props, kids) {
    var el = document.createElement(tag);
    for (var k in props) el[k] = props[k];
    (kids || []).forEach(function (kid) { el.appendChild(kid); });
    return el;
  }

  // --- state: parsed from, and written to, the fragment only ---------------
  function read() {
    var raw = location.hash.slice(1);
    var p = new URLSearchParams(raw);
    var a = p.get("a");
    var from = document.getElementById(p.get("from") || raw);
    return {
      from: from && from.matches("[data-hs-step],[data-hs-outcome]") ? from.id : "q-" + tree.start,
      a: a ? a.split(".") : [],
      t: Math.max(0, parseInt(p.get("t"), 10) || 0),
      d: p.get("d") === "1"
    };
  }
  function hash(from, a, t, d) {
    return "#" + (from === "q-" + tree.start ? "" : "from=" + from + "&") +
      "a=" + a.join(".") + (t ? "&t=" + t : "") + (d ? "&d=1" : "");
  }
  // pushState rather than location.hash: a hash change also fires popstate,
  // which the theme's instant navigation answers by reloading the page.
  function go(h) {
    history.pushState(null, "", h);
    render(true);
  }

  // Follows the answers from `at`, and stops at the first that does not fit.
  function walk(from, a) {
    var at = from;
    var trail = [];
    for (var i = 0; i < a.length && at.charAt(0) === "q"; i++) {
      var q = tree.q[at.slice(2)];
      var pick = a[i];
      var next;
      if (q.t !== undefined) {
        var m = /^(\d+)-(\d+)$/.exec(pick);
        if (!m || +m[2] < 1 || +m[1] > +m[2]) break;
        next = q.a[+m[1] * 100 > q.t * +m[2] ? 0 : 1];
      } else {
        if (!/^\d+$/.test(pick) || !q.a[pick]) break;
        next = q.a[pick];
      }
      trail.push({ id: at, pick: pick });
      at = next;
    }
    return { from: from, at: at, trail: trail, picks: trail.map(function (s) { return s.pick; }) };
  }

  function answerText(step) {
    var sec = document.getElementById(step.id);
    var m = /^(\d+)-(\d+)$/.exec(step.pick);
    if (m) return m[1] + " of " + m[2] + " (" + Math.round((100 * m[1]) / m[2]) + "%)";
    return text($('[data-hs-answer="' + step.pick + '"]', sec));
  }

  // --- rendering: from state to the DOM -------------------------------------
  function render(moved) {
    if (!root || !root.isConnected) return;
    var s = read();
    var w = walk(s.from, s.a);
    var cur = document.getElementById(w.at);
    $$("[data-hs-step],[data-hs-outcome]").forEach(function (sec) { sec.hidden = sec !== cur; });
    renderTrail(w);
    if (cur.hasAttribute("data-hs-outcome")) renderOutcome(cur, w, s);
    var heading = $("h2", cur);
    $("[data-hs-live]").textContent = text(heading);
    if (moved) heading.focus();
  }

  function renderTrail(w) {
    var nav = $("[data-hs-trail]");
    nav.textContent = "";
    nav.hidden = !w.trail.length;
    if (!w.trail.length) return;
    var list = make("ol");
    w.trail.forEach(function (step, i) {
      var change = make("a", { href: hash(w.from, w.picks.slice(0, i)), textContent: "Change" });
      change.setAttribute("aria-label", "Change the answer to: " + text($("h2", document.getElementById(step.id))));
      list.appendChild(make("li", {}, [
        make("span", { textContent: text($("h2", document.getElementById(step.id))) + " " }),
        make("strong", { textContent: answerText(step) + " " }),
        change
      ]));
    });
    nav.appendChild(make("h2", { className: "hs-trail-title", textContent: "Your answers" }));
    nav.appendChild(list);
  }

  function renderOutcome(sec, w, s) {
    var rungs = $$("[data-hs-rung]", sec);
    var t = Math.min(s.t, rungs.length);
    $$(".hs-ask", sec).forEach(function (el) { el.remove(); });
    rungs.forEach(function (rung, i) {
      rung.hidden = i > t;
      rung.classList.toggle("hs-tried", i < t);
    });
    if (t < rungs.length && !s.d) {
      var yes = make("button", { type: "button", className: "md-button", textContent: "Yes, it worked" });
      var no = make("button", { type: "button", className: "md-button", textContent: t + 1 < rungs.length ? "No, show the next step" : "No" });
      yes.onclick = function () { go(hash(w.from, w.picks, t, true)); };
      no.onclick = function () { go(hash(w.from, w.picks, t + 1)); };
      rungs[t].appendChild(make("div", { className: "hs-ask" }, [
        make("p", { textContent: "Did this fix it? " }), yes, make("span", { textContent: " " }), no
      ]));
    }
    var end = $("[data-hs-end]");
    if (end.parentNode !== sec) $("[data-hs-copied]", end).textContent = "";
    sec.insertBefore(end, $("[data-hs-links]", sec));
    end.hidden = false;
    $("[data-hs-done]", end).hidden = !s.d;
    $("[data-hs-exhausted]", end).hidden = t < rungs.length;
    var lines = ["Guided check answers:"];
    w.trail.forEach(function (step) {
      lines.push("- " + text($("h2", document.getElementById(step.id))) + " " + answerText(step));
    });
    lines.push("Likely cause: " + text($("h2", sec)).replace(/^[^:]*:\s*/, ""));
    var tried = [];
    for (var i = 0; i < t; i++) tried.push(text($("h4", rungs[i])));
    lines.push("Already tried: " + (tried.length ? tried.join("; ") : "nothing yet"));
    $("[data-hs-summary]", end).textContent = lines.join("\n");
  }

  // --- events -----------------------------------------------------------------
  function onClick(ev) {
    var link = ev.target.closest("a");
    if (!link || !root.contains(link)) return;
    var s = read();
    var h = link.hasAttribute("data-hs-restart") ? "#a="
      : link.closest("[data-hs-trail]") ? link.getAttribute("href")
      : link.hasAttribute("data-hs-answer") ? hash(s.from, walk(s.from, s.a).picks.concat(link.getAttribute("data-hs-answer")))
      : "";
    if (!h) return;
    // Not on to the body, where the theme's instant navigation would push the
    // link's own #q-/#o- anchor over this state (and move the focus).
    ev.preventDefault();
    ev.stopPropagation();
    go(h);
  }

  function onSubmit(ev) {
    var form = ev.target;
    if (!form.hasAttribute("data-hs-share")) return;
    ev.preventDefault();
    var part = form.elements.part.value.trim();
    var whole = form.elements.whole.value.trim();
    var error = "";
    if (!/^\d+$/.test(part) || !/^\d+$/.test(whole)) error = "Enter both counts as whole numbers.";
    else if (+whole < 1) error = "The total must be at least 1.";
    else if (+part > +whole) error = "The first count cannot be larger than the total.";
    $("[data-hs-error]", form).textContent = error;
    if (error) return;
    var s = read();
    go(hash(s.from, walk(s.from, s.a).picks.concat(+part + "-" + +whole)));
  }

  function onCopy(ev) {
    var button = ev.target.closest("[data-hs-copy]");
    if (!button) return;
    var end = button.closest("[data-hs-end]");
    var pre = $("[data-hs-summary]", end);
    var done = function (ok) {
      $("[data-hs-copied]", end).textContent = ok ? "Copied." : "Select the text above and copy it.";
    };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      done(document.execCommand("copy"));
    };
    if (navigator.clipboard) navigator.clipboard.writeText(pre.textContent).then(function () { done(true); }, fallback);
    else fallback();
  }

  function init() {
    root = document.querySelector("[data-hs-check]");
    if (!root) return;
    tree = JSON.parse(root.getAttribute("data-hs-check"));
    root.classList.add("hs-js");
    $$("[data-hs-share]").forEach(function (form) { form.hidden = false; });
    $$("[data-hs-fallback]").forEach(function (list) { list.hidden = true; });
    root.addEventListener("click", onClick);
    root.addEventListener("click", onCopy);
    root.addEventListener("submit", onSubmit);
    render(false);
  }

  addEventListener("popstate", function () { render(true); });
  addEventListener("hashchange", function () { render(true); });
  // With the theme's instant navigation, pages arrive without a reload.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
