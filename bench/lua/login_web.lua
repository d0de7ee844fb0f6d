-- A browser's login: GET the PACER Login form (CSRF cookie and token), then POST it. A 302 is a login.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local password = urlencode(os.getenv("BENCH_PASSWORD"))
local want_form = true
local cookie, token

function request()
  if want_form then
    return wrk.format("GET", "/login/")
  end
  local body = "csrfmiddlewaretoken=" .. token .. "&username=" .. next_account() .. "&password=" .. password
    .. "&client_code=&next=%2F"
  return wrk.format("POST", "/login/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. cookie,
  }, body)
end

function response(status, headers, body)
  if want_form then
    cookie = (headers["Set-Cookie"] or ""):match("csrftoken=([%w]+)")
    token = body:match('name="csrfmiddlewaretoken" value="([%w]+)"')
    if status == 200 and cookie and token then want_form = false else count("failed") end
    return
  end
  want_form = true
  if status == 302 then count("logins") else count("failed") end
end

function done(summary, latency, requests)
  report(summary, latency, {"logins", "failed"})
end
