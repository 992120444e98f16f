-- wrk script for POST /api/v1/bookings (and the bare reference's POST /book): every request is a
-- different citizen, with a valid ID card number and phone, spread over the given services and slots.
-- Statuses and refusal codes are counted and written as JSON to $WRK_REPORT when the run ends.
--
--   wrk ... -s bench/wrk/booking.lua URL -- MODE DATE SERVICES SLOTS FIRST LIMIT THREADS
--     MODE      real (idCard + phone) or ref (idHash + phoneHash shaped as the server's hashes, what /book takes)
--     SERVICES  service ids, comma-separated; SLOTS slot starts, comma-separated (HH:mm)
--     FIRST     number of the first citizen (runs on one store use disjoint ranges)
--     LIMIT     stop after this many answers in all (0: run for the whole duration)
--     THREADS   the -t given to wrk (each thread takes every THREADS-th citizen)
--
-- WRK_OPEN_MS=n in the environment: each connection waits n ms before its first request, so that
-- the server has accepted every connection before the load starts (a crowd on open connections).
-- Without it, each connection asks as soon as it is connected: a Node server accepts one new
-- connection per turn of its event loop (libuv since 1.45), so under load the last of them are
-- accepted long after their first request was sent.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local function split(text)
  local out = {}
  for part in string.gmatch(text, "[^,]+") do table.insert(out, part) end
  return out
end

local WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local CHECK = "10X98765432"
local BIRTH_BASE = os.time({ year = 1960, month = 1, day = 1, hour = 12 })

-- Region 110105, born 1960-01-01 + n/1000 days, sequence n % 1000, and the ISO 7064 check character.
local function id_card(n)
  local birth = os.date("!%Y%m%d", BIRTH_BASE + math.floor(n / 1000) * 86400)
  local first17 = "110105" .. birth .. string.format("%03d", n % 1000)
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(string.sub(first17, i, i)) * WEIGHTS[i] end
  local r = sum % 11 + 1
  return first17 .. string.sub(CHECK, r, r)
end

local function phone(n)
  return "138" .. string.format("%08d", n % 100000000)
end

-- What the reference takes instead of an ID card and a phone: 64 hex characters, as the server's
-- HMAC-SHA256 keys are. They must be spread like those (48 random hex characters first, then n, so
-- each citizen's is distinct): keys in counting order would put every new row of the person and
-- booking indexes on the same last page, and a commit of the reference would write far fewer pages
-- than a real one, whose keys land anywhere in the index.
local function hash_like(n)
  return string.format("%08x%08x%08x%08x%08x%08x%016x",
    math.random(0, 4294967295), math.random(0, 4294967295), math.random(0, 4294967295),
    math.random(0, 4294967295), math.random(0, 4294967295), math.random(0, 4294967295), n)
end

function init(args)
  mode = args[1] or "real"
  date = args[2]
  services = split(args[3] or "1")
  slots = split(args[4] or "09:00")
  first = tonumber(args[5] or "0")
  local limit = tonumber(args[6] or "0")
  stride = tonumber(args[7] or "1")
  quota = limit > 0 and math.ceil(limit / stride) or 0
  sent = 0
  answered = 0
  statuses = {}
  codes = {}
  math.randomseed(first + tid + 1)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local i = sent
  sent = sent + 1
  local n = first + tid + stride * i
  local service = services[i % #services + 1]
  local slot = slots[math.floor(i / #services) % #slots + 1]
  local who
  if mode == "ref" then
    who = string.format('"idHash":"%s","phoneHash":"%s"', hash_like(n), hash_like(n))
  else
    who = string.format('"idCard":"%s","phone":"%s"', id_card(n), phone(n))
  end
  local body = string.format('{"serviceId":%s,"date":"%s","slot":"%s",%s}', service, date, slot, who)
  return wrk.format(nil, nil, nil, body)
end

local open_ms = tonumber(os.getenv("WRK_OPEN_MS") or "0")
if open_ms > 0 then
  -- wrk asks delay() before every request of a script that defines it; only each connection's
  -- first waits (all are asked at the start, before any answer; wrk's check of the script has
  -- already called request() once, so `sent` cannot tell).
  function delay()
    if answered == 0 then return open_ms end
    return 0
  end
end

function response(status, headers, body)
  local s = tostring(status)
  statuses[s] = (statuses[s] or 0) + 1
  if status >= 400 then
    local code = string.match(body or "", '"code":"([%w_]+)"') or "?"
    codes[code] = (codes[code] or 0) + 1
  end
  answered = answered + 1
  if answered == quota then finish() end
end

-- wrk runs for its whole -d even when every thread has stopped: the last thread to reach its quota
-- interrupts wrk (SIGINT), which then reports at once, its req/s taken over the time really spent
-- (plus the 20 ms the signal is delayed by: system() ignores SIGINT in its caller until the shell exits).
function finish()
  wrk.thread:stop()
  local marks = (os.getenv("WRK_REPORT") or os.tmpname()) .. ".done"
  local f = assert(io.open(marks .. tid, "w"))
  f:close()
  for t = 0, stride - 1 do
    local other = io.open(marks .. t, "r")
    if not other then return end
    other:close()
  end
  os.execute("(sleep 0.02; kill -INT $PPID) &")
end

local function merge(into, from)
  for k, v in pairs(from or {}) do into[k] = (into[k] or 0) + v end
end

local function to_json(t)
  local parts = {}
  for k, v in pairs(t) do table.insert(parts, string.format('"%s":%d', k, v)) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local all_statuses, all_codes = {}, {}
  for _, thread in ipairs(threads) do
    merge(all_statuses, thread:get("statuses"))
    merge(all_codes, thread:get("codes"))
  end
  local path = os.getenv("WRK_REPORT")
  if path then
    local f = assert(io.open(path, "w"))
    f:write(string.format('{"statuses":%s,"codes":%s}', to_json(all_statuses), to_json(all_codes)))
    f:close()
  end
end
