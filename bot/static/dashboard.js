// Dashboard charts (Chart.js, vendored in /static/vendor): drawn from the JSON the page carries.
// The same numbers are in the tables under each chart, for readers without JavaScript.
(function () {
  const source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const blue = "#1664ff", green = "#14a05a", orange = "#d46b08";
  const day = function (iso) { return iso.slice(5); };  // "12-04"
  const short = function (text) { return text.length > 14 ? text.slice(0, 13) + "…" : text; };
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;  // drawn at once: the numbers are what matter
  Chart.defaults.plugins.legend.display = false;
  Chart.defaults.datasets.bar.maxBarThickness = 28;

  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, config);
  }

  function ranking(id, rows, label, color) {
    draw(id, {
      type: "bar",
      data: { labels: rows.map(function (r) { return short(r.label); }),
              datasets: [{ label: label, data: rows.map(function (r) { return r.count; }), backgroundColor: color }] },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
                 plugins: { tooltip: { callbacks: { title: function (items) { return rows[items[0].dataIndex].label; } } } } }
    });
  }

  const days = data.questions.map(function (d) { return day(d.day); });
  draw("chart-questions", {
    type: "bar",
    data: { labels: days, datasets: [
      { label: "咨询", data: data.questions.map(function (d) { return d.questions; }), backgroundColor: "#b7cdfc" },
      { label: "已回答", data: data.questions.map(function (d) { return d.answered; }), backgroundColor: blue }] },
    options: { plugins: { legend: { display: true } }, scales: { x: { stacked: false }, y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  draw("chart-answer-rate", {
    type: "line",
    data: { labels: days, datasets: [{ label: "回答率 %", borderColor: green, backgroundColor: green, spanGaps: true,
      data: data.questions.map(function (d) { return d.rate === null ? null : Math.round(d.rate * 100); }) }] },
    options: { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } } }
  });
  ranking("chart-top-questions", data.top_questions.map(function (q) { return { label: q.question, count: q.count }; }), "次数", blue);
  ranking("chart-top-documents", data.top_documents.map(function (d) { return { label: d.title, count: d.count }; }), "被引用次数", green);
  draw("chart-feedback", {
    type: "bar",
    data: { labels: data.feedback.map(function (d) { return day(d.day); }), datasets: [
      { label: "有用", data: data.feedback.map(function (d) { return d.up; }), backgroundColor: green },
      { label: "没用", data: data.feedback.map(function (d) { return d.down; }), backgroundColor: "#d4380d" }] },
    options: { plugins: { legend: { display: true } }, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
  draw("chart-ticket-response", {
    type: "bar",
    data: { labels: data.tickets.map(function (d) { return day(d.day); }),
            datasets: [{ label: "首次回复用时中位数（分钟）", backgroundColor: orange,
                         data: data.tickets.map(function (d) { return d.median_minutes; }) }] },
    options: { scales: { y: { beginAtZero: true } } }
  });
})();
