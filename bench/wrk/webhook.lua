-- Replays pre-generated, signed WeChat webhook requests (written by bench/webhook_bench.py).
--
--   wrk -s bench/wrk/webhook.lua URL -- <requests file> <number of wrk threads>
--
-- The file has one request per line: "<path?query>\t<body>". Thread n of N takes
-- lines n, n+N, n+2N, ... so no MsgId is sent twice as long as the file is not
-- exhausted; when it is, the thread starts over and counts a "wrap" (a repeated
-- MsgId is a WeChat retry, so figures from a run with wraps are not clean).
-- done() prints one line "WRK_JSON {...}" with the figures the bench reads.

local threads = {}
local nthreads_seen = 0

function setup(thread)
  thread:set("tid", nthreads_seen)
  nthreads_seen = nthreads_seen + 1
  table.insert(threads, thread)
end

function init(args)
  local path, nthreads = args[1], tonumber(args[2] or "1")
  reqs = {}
  local i = 0
  for line in io.lines(path) do
    if i % nthreads == tid then
      local tab = line:find("\t", 1, true)
      reqs[#reqs + 1] = wrk.format("POST", line:sub(1, tab - 1), {["Content-Type"] = "text/xml"}, line:sub(tab + 1))
    end
    i = i + 1
  end
  pos, wraps = 0, 0
  replies, sourced, coming, limited, success, encrypted = 0, 0, 0, 0, 0, 0
end

function request()
  pos = pos + 1
  if pos > #reqs then
    pos, wraps = 1, wraps + 1
  end
  return reqs[pos]
end

function response(status, headers, body)
  replies = replies + 1
  if body:find("来源", 1, true) then sourced = sourced + 1 end
  if body:find("正在为您查询", 1, true) then coming = coming + 1 end
  if body:find("您发得太快啦", 1, true) then limited = limited + 1 end
  if body == "success" then success = success + 1 end
  if body:find("<Encrypt>", 1, true) then encrypted = encrypted + 1 end
end

function done(summary, latency, requests)
  local t = {replies = 0, sourced = 0, coming = 0, limited = 0, success = 0, encrypted = 0, wraps = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do
      t[k] = t[k] + (thread:get(k) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d},' ..
    '"replies":%d,"sourced":%d,"coming":%d,"rate_limited":%d,"success_only":%d,"encrypted":%d,"wraps":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    t.replies, t.sourced, t.coming, t.limited, t.success, t.encrypted, t.wraps))
end
