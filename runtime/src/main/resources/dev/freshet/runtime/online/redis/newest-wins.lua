-- Writes rows of one view, each into its entity's hash, unless the stored row is newer, or as new
-- and ties keep the stored row.
-- KEYS[i]: the hash of row i's entity (distinct keys).
-- ARGV[1]: the view's timestamp field ("_ts:view"); ARGV[2]: seconds to expire a written hash
-- after, 0 for never; ARGV[3]: F, the number of features; ARGV[4]: "1" when a row as new as the
-- stored one replaces it, "0" when it is skipped.
-- Then per row, 4 + 2F values: the seconds and nanos of its event time, then the field-value pairs
-- to write: "_ts:view" and its google.protobuf.Timestamp, then each feature field and its Feast
-- Value message (laid out so that HSET takes them as they are).
-- Returns the number of rows written; the others were skipped as older (or equal).

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

local timestamp_field = ARGV[1]
local ttl = tonumber(ARGV[2])
local stride = 4 + 2 * tonumber(ARGV[3])
local replace_ties = ARGV[4] == "1"
local written = 0
for row = 1, #KEYS do
  local at = 5 + (row - 1) * stride
  local newer = true
  local stored = redis.call('HGET', KEYS[row], timestamp_field)
  if stored then
    local seconds, nanos = seconds_and_nanos(stored)
    local new_seconds, new_nanos = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
    newer = seconds < new_seconds or (seconds == new_seconds and (nanos < new_nanos or (replace_ties and nanos == new_nanos)))
  end
  if newer then
    redis.call('HSET', KEYS[row], unpack(ARGV, at + 2, at + stride - 1))
    if ttl > 0 then
      redis.call('EXPIRE', KEYS[row], ttl)
    end
    written = written + 1
  end
end
return written
