/* Guided check, mounting: draws the state (state.js) into the page's sections.
 *
 * The page works without this script: every answer is a link to the next
 * section. This only shows one section at a time, toggles and fills elements
 * the page already has, and clones the page's own <template>s, whose words are
 * the page's. Content is read with textContent and written with textContent.
 * A mount keeps its state in its own closure and is undone before the theme's
 * instant navigation brings another page. A classic script (no modules, fetch
 * or workers), so that it runs from file://.
 */
(function (S) {
  "use strict";

  function mount(root) {
    var flow = JSON.parse(root.getAttribute("data-hs-check"));
    var $ = function (sel, el) { return (el || root).querySelector(sel); };
    var $$ = function (sel, el) { return Array.prototype.slice.call((el || root).querySelectorAll(sel)); };
    var words = function (name) { return root.getAttribute("data-hs-" + name); };
    var fill = function (format, values) {
      return format.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
    };
    var number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var clone = function (name) { return $("template[data-hs-" + name + "]").content.firstElementChild.cloneNode(true); };
    var controls = clone("controls");
    var trail = clone("trail-template");
    var ask = clone("ask-template");
    var request = $("[data-hs-request]");
    var state, walked;

    function section(id) { return document.getElementById(id); }
    // The theme's "skip to content" link, made to go straight to the question.
    function skip() {
      var link = document.querySelector(".md-skip");
      var holder = document.querySelector("[data-md-component=skip]");
      if (!link && holder) {
        link = document.createElement("a");
        link.className = "md-skip";
        holder.appendChild(link);
      }
      if (link) link.textContent = words("skip");
      return link || document.createElement("a");
    }
    function heading(id) { return $("h2", section(id)).textContent; }

    // pushState rather than location.hash: a hash change also fires popstate,
    // which the theme's instant navigation answers by reloading the page.
    function go(next, focus) {
      history.pushState(null, "", S.format(flow, next));
      render(focus);
    }
    function answer(pick) { go({ from: state.from, a: walked.picks.concat(pick), t: 0, d: false }, "h2"); }

    function answerText(step) {
      var m = /^(\d+)-(\d+)$/.exec(step.pick);
      if (m) {
        var percent = +m[2] ? Math.round((100 * m[1]) / m[2]) + "%" : "-";
        return fill(words("share-answer"), { part: number.format(m[1]), whole: number.format(m[2]), percent: percent });
      }
      if (/^\d+$/.test(step.pick) && flow.q[step.at].count) return number.format(step.pick);
      return $('[data-hs-answer="' + step.pick + '"]', section(step.at)).textContent;
    }

    function render(focus) {
      state = S.parse(flow, location.hash);
      walked = S.walk(flow, state);
      // Where the answers lead is on another part of the check: on to it, in
      // place of this address (Back then returns to the answer before).
      var there = S.away(flow, walked, location.hash);
      if (there) return location.replace(there);
      var cur = section(walked.at);
      var atOutcome = cur.hasAttribute("data-hs-outcome");
      $$("[data-hs-step],[data-hs-outcome]").forEach(function (sec) { sec.hidden = sec !== cur; });
      $("[data-hs-intro]").hidden = walked.trail.length > 0 || walked.at !== flow.start;
      var progress = $("[data-hs-progress-text]");
      progress.hidden = atOutcome;
      if (!atOutcome) progress.textContent = fill(words("progress"), S.progress(flow, walked));
      cur.appendChild(controls);
      // At the first question with nothing answered there is nothing to go
      // back to or start again; the page then looks as it did before the script.
      controls.hidden = !walked.trail.length && walked.at === flow.start;
      $("[data-hs-back]", controls).hidden = !walked.trail.length;
      $("[data-hs-change]", controls).hidden = !walked.trail.length;
      renderTrail(cur);
      if (request) request.hidden = !atOutcome || state.d;
      if (atOutcome) renderOutcome(cur);
      $("[data-hs-live]").textContent = heading(walked.at);
      skip().href = "#" + walked.at;
      if (focus === "h2") $("h2", cur).focus();
    }

    function renderTrail(cur) {
      var list = $("ol", trail);
      list.textContent = "";
      walked.trail.forEach(function (step, i) {
        var item = document.createElement("li");
        var q = document.createElement("span");
        var a = document.createElement("strong");
        var change = document.createElement("button");
        q.textContent = heading(step.at) + " ";
        a.textContent = answerText(step) + " ";
        change.type = "button";
        change.className = "hs-change";
        change.textContent = $("[data-hs-change]", controls).textContent;
        change.setAttribute("aria-label", fill(words("change-label"), { question: heading(step.at) }));
        change.onclick = function () { go({ from: state.from, a: walked.picks.slice(0, i), t: 0, d: false }, "h2"); };
        item.appendChild(q);
        item.appendChild(a);
        item.appendChild(change);
        list.appendChild(item);
      });
      trail.hidden = !walked.trail.length;
      cur.appendChild(trail);
    }

    function renderOutcome(cur) {
      var rungs = $$("[data-hs-rung]", cur);
      var t = Math.min(state.t, rungs.length);
      var done = $("[data-hs-done]", cur);
      rungs.forEach(function (rung, i) {
        rung.hidden = i > t;
        rung.classList.toggle("hs-tried", i < t);
      });
      done.hidden = !state.d;
      // The close shows where "Did this fix it?" was asked: the visitor stays where they read.
      if (state.d) (rungs[t] || rungs[rungs.length - 1]).appendChild(done);
      if (t < rungs.length && !state.d) {
        var no = $("[data-hs-no]", ask);
        no.textContent = t + 1 < rungs.length ? no.getAttribute("data-hs-original") || no.textContent : no.getAttribute("data-hs-last");
        rungs[t].appendChild(ask);
      } else if (ask.parentNode) {
        ask.remove();
      }
      var fixes = S.tried(flow, walked, t);
      if (request) {
        cur.insertBefore(request, $("[data-hs-links]", cur));
        $("[data-hs-exhausted]", request).hidden = t < rungs.length;
        $("[data-hs-tried]", request).textContent = fixes.length ? fixes.join("; ") : words("none");
        var original = $("[data-hs-tried-original]", request);
        if (original) {
          var theirs = S.tried(flow, walked, t, true);
          original.textContent = theirs.length ? theirs.join("; ") : original.parentNode.getAttribute("data-hs-none");
        }
      }
      // The report links carry the way here and the fixes tried; never anything personal.
      $$(".hs-feedback a[href*='?']", cur).forEach(function (link) {
        var url = new URL(link.href);
        var target = url.protocol === "mailto:" ? null : url.searchParams;
        if (!target) return;
        target.set("path", walked.trail.map(function (s) { return heading(s.at) + " " + answerText(s); }).join(" / "));
        target.set("tried", fixes.join("; "));
        link.href = url.href;
      });
    }

    function onClick(ev) {
      var el = ev.target.closest("a, button");
      if (!el || !root.contains(el)) return;
      var t = Math.min(state.t, $$("[data-hs-rung]", section(walked.at)).length);
      var mine = el.hasAttribute("data-hs-restart") || (el.hasAttribute("data-hs-answer") && el.closest("[data-hs-step]"));
      if (mine) {
        // Not on to the body, where the theme's instant navigation would push
        // the link's own #q-/#o- anchor over this state (and move the focus).
        ev.preventDefault();
        ev.stopPropagation();
      }
      if (el.hasAttribute("data-hs-restart")) {
        go({ from: flow.start, a: [], t: 0, d: false }, "h2");
      } else if (mine) {
        answer(el.getAttribute("data-hs-answer"));
      } else if (el.hasAttribute("data-hs-back")) {
        history.back();
      } else if (el.hasAttribute("data-hs-change")) {
        trail.open = true;
        $("summary", trail).focus();
      } else if (el.hasAttribute("data-hs-yes")) {
        go({ from: state.from, a: walked.picks, t: t, d: true });
        var done = $("[data-hs-done]", section(walked.at));
        done.focus({ preventScroll: true });
        done.scrollIntoView({ block: "nearest" });
      } else if (el.hasAttribute("data-hs-no")) {
        go({ from: state.from, a: walked.picks, t: t + 1, d: false });
        var rung = $$("[data-hs-rung]", section(walked.at))[t + 1];
        var target = rung ? $("h4", rung) : $("[data-hs-request] h3") || $("h2", section(walked.at));
        target.scrollIntoView({ block: "start" });
        if (target.tabIndex < 0 || rung) target.focus({ preventScroll: true });
      } else if (el.hasAttribute("data-hs-copy")) {
        copy(el);
      }
    }

    function copy(button) {
      var pre = $("[" + button.getAttribute("data-hs-copy") + "]");
      var said = $("[data-hs-copied]");
      var done = function (ok) {
        said.textContent = button.getAttribute(ok ? "data-hs-copied-text" : "data-hs-copy-failed");
      };
      var fallback = function () {
        var box = pre.closest("details");
        if (box) box.open = true; // to be seen, should the visitor select it by hand
        var range = document.createRange();
        range.selectNodeContents(pre);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        done(document.execCommand("copy"));
      };
      if (navigator.clipboard) navigator.clipboard.writeText(pre.textContent).then(function () { done(true); }, fallback);
      else fallback();
    }

    function onSubmit(ev) {
      var form = ev.target;
      ev.preventDefault();
      var error = $("[data-hs-error]", form);
      var values = $$("input", form).map(function (input) { return input.value.trim(); });
      var whole = /^\d+$/;
      var message = "";
      if (!values.every(function (v) { return whole.test(v); })) message = error.getAttribute("data-hs-invalid");
      else if (values.length === 2 && +values[0] > +values[1]) message = error.getAttribute("data-hs-too-big");
      error.textContent = message;
      if (!message) answer(values.map(Number).join("-"));
    }

    function onSkip(ev) {
      if (!ev.target.closest || !ev.target.closest(".md-skip")) return;
      // Before the theme's instant navigation, which would follow the link as
      // an anchor and so start the check again from that question.
      ev.preventDefault();
      ev.stopPropagation();
      var first = $("[data-hs-answer], input, [data-hs-yes]", section(walked.at));
      (first || $("h2", section(walked.at))).focus();
    }

    function onPopState() { render("h2"); }

    $$("[data-hs-share],[data-hs-count]").forEach(function (form) { form.hidden = false; });
    $$("[data-hs-fallback]").forEach(function (item) { item.hidden = true; });
    var no = $("[data-hs-no]", ask);
    no.setAttribute("data-hs-original", no.textContent);
    root.classList.add("hs-js");
    root.addEventListener("click", onClick);
    root.addEventListener("submit", onSubmit);
    document.addEventListener("click", onSkip, true);
    addEventListener("popstate", onPopState);
    addEventListener("hashchange", onPopState);
    render(null);
    return function unmount() {
      root.removeEventListener("click", onClick);
      root.removeEventListener("submit", onSubmit);
      document.removeEventListener("click", onSkip, true);
      removeEventListener("popstate", onPopState);
      removeEventListener("hashchange", onPopState);
      [controls, trail, ask].forEach(function (el) { el.remove(); });
    };
  }

  var unmount = null;
  function init() {
    if (unmount) unmount();
    var root = document.querySelector("[data-hs-check]");
    unmount = root ? mount(root) : null;
  }
  // With the theme's instant navigation, pages arrive without a reload.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(HelpsiteCheck);
