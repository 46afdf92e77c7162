(() => {
  const d = document, w = window, me = d.currentScript;
  const T = {
    en: ["Report an error", "Selected text", "Comment (optional)", "Send", "Cancel",
      "Thank you! The editors will check it.", "Sorry, the report was not sent."],
    uk: ["Повідомити про помилку", "Виділений текст", "Коментар (необов’язково)", "Надіслати",
      "Скасувати", "Дякуємо! Редактори перевірять.", "На жаль, не вдалося надіслати."]
  };
  const L = T[d.documentElement.lang.slice(0, 2).toLowerCase()] || T.en;
  const endpoint = me.dataset.endpoint || new URL("/api/reports", me.src);
  let dlg, form, quote, note, status, sendButton, tap, picked;

  const el = (tag, parent, props) => {
    const e = d.createElement(tag);
    if (props) Object.assign(e, props);
    if (parent) parent.append(e);
    return e;
  };

  // W3C selectors over body.textContent
  const grab = () => {
    const sel = w.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0), body = d.body, text = body.textContent, before = d.createRange();
    before.setStart(body, 0);
    before.setEnd(r.startContainer, r.startOffset);
    const start = before.toString().length, exact = r.toString().slice(0, 1000), end = start + exact.length;
    if (!exact.trim()) return null;
    return { exact, start, end, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
  };

  const build = () => {
    dlg = el("dialog", d.body);
    dlg.setAttribute("aria-labelledby", "fbx-title");
    dlg.style.maxWidth = "32rem";
    form = el("form", dlg);
    el("h2", form, { id: "fbx-title", textContent: L[0] });
    el("p", form, { textContent: L[1] });
    quote = el("blockquote", form);
    Object.assign(quote.style, { maxHeight: "8em", overflow: "auto", whiteSpace: "pre-wrap" });
    el("label", form, { htmlFor: "fbx-note", textContent: L[2] });
    note = el("textarea", form, { id: "fbx-note", name: "comment", maxLength: 1000, rows: 4 });
    note.style.width = "100%";
    el("input", el("div", form, { hidden: true }), { name: "website", tabIndex: -1, autocomplete: "off" });
    status = el("output", el("p", form));
    sendButton = el("button", form, { type: "submit", textContent: L[3] });
    el("button", form, { type: "button", textContent: L[4], onclick: () => dlg.close() });
    form.onsubmit = e => { e.preventDefault(); send(); };
  };

  const open = q => {
    if (!dlg) build();
    picked = q;
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
    }).then(r => r.ok, () => false).then(ok => {
      status.textContent = L[ok ? 5 : 6];
      sendButton.disabled = ok;
    });
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
        tap = el("button", d.body, { type: "button", textContent: L[0], hidden: true });
        Object.assign(tap.style, { position: "absolute", zIndex: 99 });
        tap.onclick = () => open(tap.q);
      }
      tap.hidden = !q;
      if (!q) return;
      tap.q = q;
      const box = w.getSelection().getRangeAt(0).getBoundingClientRect();
      tap.style.top = box.bottom + w.scrollY + 8 + "px";
      tap.style.left = box.left + w.scrollX + "px";
    });
  }
})();
