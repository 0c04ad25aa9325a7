// Web chat: send the text, show the reply as a bubble with its source and quick replies.
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const send = document.getElementById("send");
  const quick = document.getElementById("quick");

  // 👍/👎 under an answer: posted to /api/feedback; tapping the other one replaces the rating.
  function rating(id) {
    const box = document.createElement("div");
    box.className = "rate";
    box.dataset.id = id;
    [["up", "有帮助", "👍 有用"], ["down", "没帮助", "👎 没用"]].forEach(function (v) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.dataset.value = v[0];
      btn.setAttribute("aria-label", v[1]);
      btn.setAttribute("aria-pressed", "false");
      btn.textContent = v[2];
      box.appendChild(btn);
    });
    return box;
  }

  async function rate(btn) {
    const box = btn.parentNode;
    try {
      const res = await fetch("/api/feedback", {
        method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify({ id: box.dataset.id, value: btn.dataset.value }),
      });
      if (!res.ok) return;
      box.dataset.feedback = btn.dataset.value;
      box.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === btn)); });
    } catch (e) { /* offline: the user may tap again */ }
  }

  function bubble(who, text, sources, id) {
    const row = document.createElement("div");
    row.className = "msg " + who;
    const avatar = document.createElement("img");
    avatar.className = "avatar";
    avatar.alt = "";
    if (who === "bot") avatar.src = "/static/bot.svg";
    const b = document.createElement("div");
    b.className = "bubble";
    b.textContent = text;
    (sources || []).slice(0, 1).forEach(function (s) {
      const link = document.createElement("a");
      link.className = "source";
      link.href = "#";
      link.textContent = "来源：《" + s.title + "》" + (s.section ? "·" + s.section : "");
      link.addEventListener("click", function (e) { e.preventDefault(); link.classList.toggle("open"); });
      const snip = document.createElement("div");
      snip.className = "snippet";
      snip.textContent = s.snippet;
      b.appendChild(link);
      b.appendChild(snip);
    });
    if (id) b.appendChild(rating(id));
    row.appendChild(avatar);
    row.appendChild(b);
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
    return b;
  }

  // Only the chips of the latest reply: an earlier prompt's chips would answer a question no longer asked.
  function setActions(actions) {
    quick.innerHTML = "";
    (actions || []).forEach(function (a) {
      const c = document.createElement("button");
      c.type = "button";
      c.className = "chip";
      c.textContent = a;
      quick.appendChild(c);
    });
  }

  async function ask(text) {
    text = text.trim();
    if (!text) return;
    bubble("user", text);
    input.value = "";
    send.disabled = true;
    const pending = bubble("bot", "正在输入…");
    pending.classList.add("typing");
    try {
      const res = await fetch("/api/chat", {
        method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify({ text: text }),
      });
      const data = await res.json();
      pending.parentNode.remove();
      if (!res.ok) { bubble("bot", data.error || "系统开小差了，请稍后再试。"); return; }
      bubble("bot", data.reply, data.sources, data.id);
      setActions(data.actions);
    } catch (e) {
      pending.parentNode.remove();
      bubble("bot", "网络不太稳定，请稍后再试。");
    } finally {
      send.disabled = false;
      input.focus();
    }
  }

  async function poll() {
    try {
      const res = await fetch("/api/chat/updates", { credentials: "same-origin" });
      if (res.ok) (await res.json()).messages.forEach(function (m) { bubble("bot", m); });
    } catch (e) { /* offline for a moment: try again next time */ }
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); ask(input.value); });
  log.addEventListener("click", function (e) {
    const btn = e.target.closest(".rate button");
    if (btn) rate(btn);
  });
  quick.addEventListener("click", function (e) { if (e.target.classList.contains("chip")) ask(e.target.textContent); });
  setInterval(poll, 5000);
  log.scrollTop = log.scrollHeight;  // a reloaded page shows its latest messages
})();
