-- Writes one row of one view into an entity's hash unless the stored row is as new or newer.
-- KEYS[1]: the entity's hash.
-- ARGV[1]: the view's timestamp field ("_ts:view"); ARGV[2]: the new google.protobuf.Timestamp;
-- ARGV[3], ARGV[4]: its seconds and nanos; ARGV[5]: seconds to expire the hash after, 0 for never;
-- ARGV[6..]: feature field, value, feature field, value, ...
-- Returns 1 when written, 0 when skipped.

local function varint(s, i)
  local value, scale = 0, 1
  while true do
    local b = string.byte(s, i)
    i = i + 1
    value = value + (b % 128) * scale
    if b < 128 then return value, i end
    scale = scale * 128
  end
end

-- A Timestamp message: field 1 (tag 8) seconds, field 2 (tag 16) nanos, both varints.
local function seconds_and_nanos(message)
  local seconds, nanos, i = 0, 0, 1
  while i <= #message do
    local tag = string.byte(message, i)
    local value
    value, i = varint(message, i + 1)
    if tag == 8 then seconds = value elseif tag == 16 then nanos = value end
  end
  return seconds, nanos
end

local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local seconds, nanos = seconds_and_nanos(stored)
  local new_seconds, new_nanos = tonumber(ARGV[3]), tonumber(ARGV[4])
  if seconds > new_seconds or (seconds == new_seconds and nanos >= new_nanos) then
    return 0
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], unpack(ARGV, 6))
local ttl = tonumber(ARGV[5])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[1], ttl)
end
return 1
