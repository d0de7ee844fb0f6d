-- Shared by the wrk scripts: each thread has one connection (-t N -c N), so a response always answers the
-- request the same thread sent last. Threads report their counts; done() prints one JSON line for bench/run.py.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function count(name)
  _G[name] = (_G[name] or 0) + 1
end

function report(summary, latency, names)
  local totals = {}
  for _, name in ipairs(names) do totals[name] = 0 end
  for _, thread in ipairs(threads) do
    for _, name in ipairs(names) do totals[name] = totals[name] + (thread:get(name) or 0) end
  end
  local parts = {
    string.format('"requests": %d', summary.requests),
    string.format('"duration_s": %.3f', summary.duration / 1e6),
    string.format('"socket_errors": %d', summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout),
    string.format('"http_errors": %d', summary.errors.status),
    string.format('"p50_ms": %.2f', latency:percentile(50) / 1000),
    string.format('"p99_ms": %.2f', latency:percentile(99) / 1000),
  }
  for _, name in ipairs(names) do table.insert(parts, string.format('"%s": %d', name, totals[name])) end
  io.write("WRK-JSON {" .. table.concat(parts, ", ") .. "}\n")
end

-- The accounts this thread signs in with: thread t of T takes first + t, first + t + T, ... (never the same
-- account twice at once).
function next_account()
  local first = tonumber(os.getenv("BENCH_FIRST")) or 0
  local span = tonumber(os.getenv("BENCH_SPAN")) or 1000
  local step = tonumber(os.getenv("BENCH_THREADS")) or 1
  n = (n or -1) + 1
  local index = first + ((id + n * step) % span)
  return string.format("%sp%07d", os.getenv("BENCH_PREFIX") or "bench", index)
end

function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
