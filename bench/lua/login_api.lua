-- A PACER client's login: POST /services/cso-auth (JSON), as juriscraper does. loginResult "0" is a login.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local password = os.getenv("BENCH_PASSWORD"):gsub('[\\"]', "\\%0")

function request()
  local body = '{"loginId": "' .. next_account() .. '", "password": "' .. password .. '", "redactFlag": "1"}'
  return wrk.format("POST", "/services/cso-auth", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"loginResult": *"0"') and body:find('"nextGenCSO": *"%w+"') then
    count("logins")
  else
    count("failed")
  end
end

function done(summary, latency, requests)
  report(summary, latency, {"logins", "failed"})
end
