// articlekit annotation panel (anywidget front end).
//
// Python owns the annotations: this file draws `text` and `spans`, turns a
// mouse selection into character offsets of `text`, and sends requests
// ({action: "add" | "remove", ...}) that Python checks and applies.
//
// Offsets: the text is drawn as consecutive <span data-start=…> segments,
// each holding exactly one text node of `text` (labels are CSS ::after
// content, which is neither selectable nor part of the text), so a DOM
// position (text node, offset) is data-start + offset.

function segmentBounds(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  return [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
}

function badge(s) {
  return s.speaker ? `${s.label} · ${s.speaker}` : s.label;
}

function offsetOf(textEl, node, offset, length) {
  if (!textEl.contains(node)) {
    // The selection runs out of the panel: clamp to the nearer end.
    const before = textEl.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING;
    return before ? 0 : length;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement && node.parentElement.closest("[data-start]");
    if (seg && textEl.contains(seg)) return Number(seg.dataset.start) + offset;
  }
  // An element boundary (e.g. a whole segment selected): count the text before it.
  const range = document.createRange();
  range.setStart(textEl, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "ak-annotator";
  // Typing a speaker name must not trigger notebook shortcuts (a, b, d d…).
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  // A press in the panel must not reach the notebook: it would make the cell
  // active and focus it, scrolling the page under the mouse mid-selection.
  for (const type of ["mousedown", "pointerdown"]) {
    root.addEventListener(type, (event) => event.stopPropagation());
  }

  const toolbar = document.createElement("div");
  toolbar.className = "ak-toolbar";
  const info = document.createElement("div");
  info.className = "ak-selection";
  const buttons = document.createElement("div");
  buttons.className = "ak-labels";
  const speakerBox = document.createElement("label");
  speakerBox.className = "ak-speaker";
  speakerBox.textContent = "Speaker ";
  const speakerInput = document.createElement("input");
  speakerInput.type = "text";
  speakerInput.placeholder = "who says it? (quotations)";
  const listId = `ak-speakers-${Math.random().toString(36).slice(2)}`;
  speakerInput.setAttribute("list", listId);
  const datalist = document.createElement("datalist");
  datalist.id = listId;
  speakerBox.append(speakerInput, datalist);
  const removeBar = document.createElement("div");
  removeBar.className = "ak-remove";
  const status = document.createElement("div");
  status.className = "ak-status";
  status.setAttribute("role", "status");
  // The toolbar (with the status line) stays in view while the text scrolls.
  toolbar.append(info, buttons, speakerBox, removeBar, status);

  const textEl = document.createElement("div");
  textEl.className = "ak-text";
  textEl.lang = "fr";
  root.append(toolbar, textEl);
  el.append(root);

  let pending = null; // {start, end} of the current mouse selection
  let chosen = null; // a span clicked for removal

  function showSelection() {
    const text = model.get("text");
    info.classList.toggle("ak-has-selection", !!pending);
    if (pending) {
      const words = text.slice(pending.start, pending.end).replace(/\s+/g, " ");
      const shown = words.length > 60 ? words.slice(0, 59) + "…" : words;
      info.textContent = `Selected « ${shown} » (${pending.start}–${pending.end}): click a label`;
    } else {
      info.textContent = "Select a passage with the mouse, then click a label. Click a highlight to remove it.";
    }
    for (const b of buttons.querySelectorAll("button")) b.disabled = !pending;
  }

  function showRemove() {
    removeBar.replaceChildren();
    if (!chosen) return;
    const what = document.createElement("span");
    what.textContent = `${badge(chosen)} « ${chosen.text.length > 50 ? chosen.text.slice(0, 49) + "…" : chosen.text} » `;
    const remove = document.createElement("button");
    remove.className = "ak-remove-button";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => {
      const { start, end, label, layer, speaker } = chosen;
      model.send({ action: "remove", start, end, label, layer, speaker });
      chosen = null;
      showRemove();
    });
    const cancel = document.createElement("button");
    cancel.textContent = "Keep";
    cancel.addEventListener("click", () => {
      chosen = null;
      showRemove();
    });
    removeBar.append(what, remove, cancel);
  }

  function drawLabels() {
    buttons.replaceChildren();
    for (const choice of model.get("labels")) {
      const b = document.createElement("button");
      b.className = "ak-label";
      b.dataset.label = choice.label;
      b.dataset.speaker = choice.speaker;
      b.textContent = choice.label;
      b.title = `${choice.layer}${choice.speaker === "no" ? "" : " (with a speaker)"}`;
      b.style.setProperty("--ak-colour", choice.colour);
      // Keep the text selection when the button is pressed.
      b.addEventListener("mousedown", (e) => e.preventDefault());
      b.addEventListener("click", () => {
        if (!pending) return;
        const speaker = speakerInput.value.trim();
        if (choice.speaker === "required" && !speaker) {
          showStatus(`Type the speaker's name first: ${choice.label} needs one.`, "error");
          speakerInput.focus();
          return;
        }
        model.send({
          action: "add",
          start: pending.start,
          end: pending.end,
          label: choice.label,
          speaker: choice.speaker === "no" ? null : speaker || null,
        });
        pending = null;
        window.getSelection().removeAllRanges();
        showSelection();
      });
      buttons.append(b);
    }
    const needsSpeaker = model.get("labels").some((c) => c.speaker !== "no");
    speakerBox.style.display = needsSpeaker ? "" : "none";
    showSelection();
  }

  function drawSpeakers() {
    datalist.replaceChildren(
      ...model.get("speakers").map((name) => {
        const o = document.createElement("option");
        o.value = name;
        return o;
      }),
    );
  }

  function drawText() {
    const text = model.get("text");
    const spans = model.get("spans");
    const cuts = segmentBounds(text, spans);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < cuts.length - 1; i++) {
      const a = cuts[i];
      const b = cuts[i + 1];
      if (a === b) continue;
      const seg = document.createElement("span");
      seg.className = "ak-seg";
      seg.dataset.start = String(a);
      seg.dataset.end = String(b);
      seg.textContent = text.slice(a, b);
      const covering = spans
        .map((s, index) => ({ ...s, index }))
        .filter((s) => s.start <= a && s.end >= b)
        .sort((x, y) => x.end - x.start - (y.end - y.start));
      if (covering.length) {
        const inner = covering[0];
        const outer = covering[covering.length - 1];
        seg.classList.add("ak-hl");
        seg.style.setProperty("--ak-colour", inner.colour);
        seg.dataset.span = String(inner.index);
        seg.dataset.label = inner.label;
        if (covering.length > 1) {
          seg.classList.add("ak-nested");
          seg.style.setProperty("--ak-outer", outer.colour);
        }
        seg.title = covering.map((s) => `${badge(s)}: « ${s.text} » (${s.start}–${s.end})`).join("\n");
        const ending = covering.filter((s) => s.end === b).map(badge);
        if (ending.length) seg.dataset.badge = ending.join(" | ");
      }
      frag.append(seg);
    }
    textEl.replaceChildren(frag);
  }

  function showStatus(message, kind) {
    status.textContent = message;
    status.dataset.kind = kind || "info";
  }

  function readSelection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(textEl)) return null;
    const length = model.get("text").length;
    const a = offsetOf(textEl, range.startContainer, range.startOffset, length);
    const b = offsetOf(textEl, range.endContainer, range.endOffset, length);
    const start = Math.max(0, Math.min(a, b));
    const end = Math.min(length, Math.max(a, b));
    return end > start ? { start, end } : null;
  }

  function onSelect() {
    const found = readSelection();
    if (found) {
      pending = found;
      chosen = null;
      showRemove();
      showSelection();
    }
  }

  textEl.addEventListener("mouseup", () => setTimeout(onSelect, 0));
  textEl.addEventListener("keyup", onSelect);
  textEl.addEventListener("click", (event) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag, not a click
    const seg = event.target.closest && event.target.closest(".ak-hl");
    pending = null;
    showSelection();
    if (!seg) {
      chosen = null;
    } else {
      chosen = model.get("spans")[Number(seg.dataset.span)] || null;
    }
    showRemove();
  });
  speakerInput.addEventListener("keydown", (e) => e.stopPropagation());

  model.on("change:labels", drawLabels);
  model.on("change:speakers", drawSpeakers);
  model.on("change:spans", () => {
    chosen = null;
    showRemove();
    drawText();
  });
  model.on("change:text", drawText);
  model.on("change:message", () => showStatus(model.get("message"), model.get("message_kind")));

  drawLabels();
  drawSpeakers();
  drawText();
  showStatus(model.get("message"), model.get("message_kind"));
  return () => root.remove();
}

export default { render };
