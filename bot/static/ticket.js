// Ticket page: picking a canned reply fills the reply box at once (without JavaScript the
// 填入 button reloads the page with it filled in).
(function () {
  const picker = document.getElementById("canned");
  const box = document.getElementById("reply-text");
  if (!picker || !box) return;
  document.getElementById("use-canned").hidden = true;
  picker.addEventListener("change", function () {
    const option = picker.options[picker.selectedIndex];
    if (option.dataset.text) {
      box.value = option.dataset.text;
      box.focus();
    }
  });
})();
