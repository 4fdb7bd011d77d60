-- wrk script for bench/run. Every setting comes from the environment, so one script serves every scenario:
--   BENCH_MODE      get        GET BENCH_PATH?subjectRef=<prefix><n>&purpose=<p> (decision, constant, baseline)
--                   batch      POST BENCH_PATH {"checks":[BENCH_BATCH random pairs]}
--                   holding    POST BENCH_PATH one new holding (unique locator), with an Idempotency-Key
--                   consent    POST BENCH_PATH one new consent of a new subject, with an Idempotency-Key
--                   intake     POST BENCH_PATH one new disclosure request of a new subject taken by phone, with an
--                              Idempotency-Key (request-service's intake)
--   BENCH_TOKEN     bearer token (none: no Authorization header)
--   BENCH_SUBJECTS  subjects are <BENCH_SUBJECT_PREFIX><n>, n = 1..BENCH_SUBJECTS, %06d
--   BENCH_PURPOSES  comma-separated purpose codes
--   BENCH_RUN       a unique tag of this wrk run (keeps idempotency keys, locators and new subjects unique)
--   BENCH_CATEGORY  data category code (holding)
-- done() prints one line "BENCH_RESULT {json}" that the harness reads.

local mode = os.getenv("BENCH_MODE") or "get"
local path = os.getenv("BENCH_PATH") or "/v1/decisions"
local token = os.getenv("BENCH_TOKEN") or ""
local subjects = tonumber(os.getenv("BENCH_SUBJECTS") or "1000")
local prefix = os.getenv("BENCH_SUBJECT_PREFIX") or "cust-"
local batchSize = tonumber(os.getenv("BENCH_BATCH") or "100")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local category = os.getenv("BENCH_CATEGORY") or "call-recording"
local capturedAt = os.getenv("BENCH_CAPTURED_AT") or "2026-04-01T10:00:00+09:00"

local purposes = {}
for p in string.gmatch(os.getenv("BENCH_PURPOSES") or "call-center-support", "[^,]+") do
  purposes[#purposes + 1] = p
end

local threadCount = 0
function setup(thread)
  threadCount = threadCount + 1
  thread:set("threadId", threadCount)
end

local headers = {}
local counter = 0
local bodies = {}

local function subject(n)
  return string.format("%s%06d", prefix, n)
end

local function randomPair()
  return subject(math.random(1, subjects)), purposes[math.random(1, #purposes)]
end

function init(args)
  math.randomseed(os.time() * 1000 + (threadId or 0) * 7919)
  if token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  if mode ~= "get" then
    headers["Content-Type"] = "application/json"
  end
  if mode == "batch" then
    -- A pool of bodies made up front, so the script costs the same per request as a GET.
    for b = 1, 64 do
      local checks = {}
      for i = 1, batchSize do
        local s, p = randomPair()
        checks[i] = string.format('{"subjectRef":"%s","purpose":"%s"}', s, p)
      end
      bodies[b] = '{"checks":[' .. table.concat(checks, ",") .. ']}'
    end
  end
end

local operators = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村" }
local givenNames = { "花子", "陽子", "直樹", "健一", "美咲", "翔太", "さくら", "誠" }

function request()
  counter = counter + 1
  if mode == "get" then
    local s, p = randomPair()
    return wrk.format("GET", path .. "?subjectRef=" .. s .. "&purpose=" .. p, headers)
  elseif mode == "batch" then
    return wrk.format("POST", path, headers, bodies[(counter % #bodies) + 1])
  elseif mode == "holding" then
    local key = string.format("%s-%d-%d", run, threadId, counter)
    headers["Idempotency-Key"] = "h-" .. key
    local body = string.format(
      '{"subjectRef":"%s","categoryCode":"%s","owningSystem":"ivr-recorder",' ..
      '"collectedAt":"%s","locator":"録音/%s.wav"}',
      subject(math.random(1, subjects)), category, capturedAt, key)
    return wrk.format("POST", path, headers, body)
  elseif mode == "consent" then
    local key = string.format("%s-%d-%d", run, threadId, counter)
    headers["Idempotency-Key"] = "c-" .. key
    local body = string.format(
      '{"subjectRef":"new-%s","purpose":"%s","purposeVersion":1,"decision":"GIVEN","method":"PHONE",' ..
      '"evidence":{"channel":"コールセンター（札幌）","noticeVersion":"2026-04","language":"ja",' ..
      '"capturedAt":"%s","recordingRef":"rec-%s","operatorRef":"%s"}}',
      key, purposes[math.random(1, #purposes)], capturedAt, key, operators[math.random(1, #operators)])
    return wrk.format("POST", path, headers, body)
  elseif mode == "intake" then
    local key = string.format("%s-%d-%d", run, threadId, counter)
    headers["Idempotency-Key"] = "r-" .. key
    local body = string.format(
      '{"type":"DISCLOSURE","subjectRef":"req-%s","channel":"PHONE","deliveryMethod":"ELECTRONIC",' ..
      '"requester":{"name":"%s %s","relation":"SELF","contact":{"email":"customer-%s@example.jp","phone":"090-1234-5678",' ..
      '"postalAddress":"〒060-0001 北海道札幌市中央区北1条西2丁目"}},"externalId":"crm-%s"}',
      key, operators[math.random(1, #operators)], givenNames[math.random(1, #givenNames)], key, key)
    return wrk.format("POST", path, headers, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,' ..
    '"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
