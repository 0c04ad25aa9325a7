// Web chat: send the text, show the reply as a bubble with its source and quick replies.
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const send = document.getElementById("send");
  const quick = document.getElementById("quick");

  function bubble(who, text, sources) {
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
      bubble("bot", data.reply, data.sources);
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
  quick.addEventListener("click", function (e) { if (e.target.classList.contains("chip")) ask(e.target.textContent); });
  setInterval(poll, 5000);
  log.scrollTop = log.scrollHeight;  // a reloaded page shows its latest messages
})();
