-- GET BENCH_PATH, signed in by a nextGenCSO cookie when BENCH_TOKENS (comma-separated) is set; 200 is a page.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local path = os.getenv("BENCH_PATH")
local tokens = {}
for token in (os.getenv("BENCH_TOKENS") or ""):gmatch("[^,]+") do table.insert(tokens, token) end

function request()
  if #tokens == 0 then return wrk.format("GET", path) end
  return wrk.format("GET", path, {["Cookie"] = "NextGenCSO=" .. tokens[(id % #tokens) + 1]})
end

function response(status, headers, body)
  if status == 200 then count("pages") else count("failed") end
end

function done(summary, latency, requests)
  report(summary, latency, {"pages", "failed"})
end
