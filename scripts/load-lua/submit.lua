-- Each request submits a different prepared application (application_id,token,version per line of $QC_READY).
-- Threads take interleaved lines so no application is submitted twice.
local lines = {}
local file = io.open(os.getenv("QC_READY"), "r")
file:read("*l") -- header
for line in file:lines() do
  local id, token, version = line:match("([^,]+),([^,]+),([^,]+)")
  lines[#lines + 1] = { id = id, token = token, version = version }
end
file:close()

local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  thread:set("step", tonumber(os.getenv("QC_THREADS") or "2"))
  table.insert(threads, thread)
end

function init(args)
  cursor = index
end

function request()
  local item = lines[cursor]
  cursor = cursor + step
  if item == nil then
    return wrk.format("GET", "/ping")
  end
  local body = '{"version":' .. item.version .. ',"commitmentAccepted":true}'
  return wrk.format("POST", "/api/v1/applications/" .. item.id .. "/submit", {
    ["Authorization"] = "Bearer " .. item.token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "load-" .. item.id,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
