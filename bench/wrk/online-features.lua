-- wrk script for the serving benchmark: POST /get-online-features with 50 features (5 of the 25
-- views at random, 10 features each) for ENTITIES random entities out of 1,000,000.
-- ENTITIES=10 wrk -t1 -c8 -d20s --latency -s bench/wrk/online-features.lua http://localhost:6570/get-online-features
local entities = tonumber(os.getenv("ENTITIES") or "1")
local population = tonumber(os.getenv("POPULATION") or "1000000")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local views = {}
  local chosen = {}
  while #views < 5 do
    local v = math.random(0, 24)
    if not chosen[v] then
      chosen[v] = true
      views[#views + 1] = v
    end
  end
  local features = {}
  for _, v in ipairs(views) do
    for f = 0, 9 do
      features[#features + 1] = string.format('"stats%02d:f%d"', v, f)
    end
  end
  local ids = {}
  for i = 1, entities do
    ids[i] = tostring(math.random(0, population - 1))
  end
  local body = '{"features": [' .. table.concat(features, ", ") .. '], "entities": {"rider_id": [' ..
      table.concat(ids, ", ") .. ']}, "full_feature_names": true}'
  return wrk.format(nil, nil, nil, body)
end

-- DELAY_MS paces each connection (with -c1, DELAY_MS=10 is about 100 requests/s), for latency
-- at a moderate rate rather than at saturation.
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  delay = function()
    return pause
  end
end
