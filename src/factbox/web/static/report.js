(() => {
  const d = document, w = window, me = d.currentScript, lang = d.documentElement.lang;
  const T = {
    en: ["Report an error", "Selected text", "Comment (optional)", "Send", "Cancel",
      "Thank you! The editors will check it.", "Sorry, the report was not sent.",
      "Too many reports. Try again after "],
    uk: ["Повідомити про помилку", "Виділений текст", "Коментар (необов’язково)", "Надіслати",
      "Скасувати", "Дякуємо! Редактори перевірять.", "На жаль, не вдалося надіслати.",
      "Забагато звернень. Спробуйте після "]
  };
  const L = T[lang.slice(0, 2).toLowerCase()] || T.en;
  const endpoint = me.dataset.endpoint || new URL("/api/reports", me.src);
  let dlg, form, quote, note, status, sendButton, tap, picked;

  const el = (tag, parent, props, css) => {
    const e = d.createElement(tag);
    Object.assign(e, props);
    if (css) e.style.cssText = css;
    if (parent) parent.append(e);
    return e;
  };
  // Send filled, Cancel outlined, on any site
  const B = "border:2px solid #0b57a8;padding:.5em 1em;font:inherit;background:#";
  const P = B + "0b57a8;color:#fff;font-weight:700", S = B + "fff;color:#0b57a8";

  // W3C selectors over body.textContent
  const grab = () => {
    const sel = w.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0), body = d.body, text = body.textContent, before = d.createRange();
    before.setStart(body, 0);
    before.setEnd(r.startContainer, r.startOffset);
    const start = before.toString().length, exact = r.toString().slice(0, 1000), end = start + exact.length;
    if (!exact.trim()) return null;
    return { r, exact, start, end, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
  };

  // on close: the selection again, focus around it
  const back = () => {
    const r = picked.r, sel = w.getSelection(), c = r.startContainer, n = c.closest ? c : c.parentElement;
    const f = n.closest("[tabindex],a[href]") || n;
    if (!f.hasAttribute("tabindex")) f.tabIndex = -1;
    f.focus();
    sel.removeAllRanges();
    sel.addRange(r);
  };

  const build = () => {
    dlg = el("dialog", d.body, { onclose: back }, "max-width:min(32rem,90vw)");
    dlg.setAttribute("aria-labelledby", "fbx-title");
    form = el("form", dlg);
    el("h2", form, { id: "fbx-title", textContent: L[0] });
    el("p", form, { textContent: L[1] });
    quote = el("blockquote", form, {}, "max-height:8em;overflow:auto;white-space:pre-wrap");
    el("label", form, { htmlFor: "fbx-note", textContent: L[2] });
    note = el("textarea", form, { id: "fbx-note", name: "comment", maxLength: 1000, rows: 4 }, "width:100%");
    el("input", el("div", form, { hidden: true }), { name: "website", tabIndex: -1, autocomplete: "off" });
    status = el("output", el("p", form));
    const row = el("p", form, {}, "display:flex;gap:1em");
    sendButton = el("button", row, { type: "submit", textContent: L[3] }, P);
    el("button", row, { type: "button", textContent: L[4], onclick: () => dlg.close() }, S);
    form.onsubmit = e => { e.preventDefault(); send(); };
  };

  const open = q => {
    if (!dlg) build();
    picked = { ...q, r: q.r.cloneRange() };
    quote.textContent = q.exact;
    note.value = status.textContent = "";
    sendButton.disabled = false;
    if (tap) tap.hidden = true;
    dlg.showModal();
  };

  const send = () => {
    const q = picked, page = d.querySelector("[data-article-id]");
    sendButton.disabled = true;
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        url: location.href,
        selector: [
          { type: "TextQuoteSelector", exact: q.exact, prefix: q.prefix, suffix: q.suffix },
          { type: "TextPositionSelector", start: q.start, end: q.end }
        ],
        comment: note.value.slice(0, 1000),
        article_id: page && page.dataset.articleId,
        revision: page && page.dataset.revision,
        website: form.elements.website.value
      })
    }).then(r => {
      // Retry-After (seconds or a date), shown to the next minute
      const a = r.headers.get("Retry-After"), t = new Date(isNaN(a) ? a : Date.now() + a * 1e3 + 6e4);
      sendButton.disabled = r.ok;
      status.textContent = r.ok ? L[5] : a ? L[7] + t.toLocaleTimeString(lang, { timeStyle: "short" }) : L[6];
    }, () => { status.textContent = L[6]; sendButton.disabled = false; });
  };

  d.addEventListener("keydown", e => {
    if (!(e.ctrlKey || e.metaKey) || e.key !== "Enter") return;
    if (dlg && dlg.open) { e.preventDefault(); form.requestSubmit(); return; }
    const q = grab();
    if (q) { e.preventDefault(); open(q); }
  });

  // touch screens: a button under the selection
  if (w.matchMedia("(pointer:coarse)").matches || navigator.maxTouchPoints > 0) {
    d.addEventListener("selectionchange", () => {
      const q = grab();
      if (!tap) {
        tap = el("button", d.body, { type: "button", textContent: L[0], hidden: true }, P + ";position:absolute;z-index:99");
        tap.onclick = () => open(tap.q);
      }
      tap.hidden = !q;
      if (!q) return;
      tap.q = q;
      const box = q.r.getBoundingClientRect();
      tap.style.top = box.bottom + w.scrollY + 8 + "px";
      tap.style.left = box.left + w.scrollX + "px";
    });
  }
})();
