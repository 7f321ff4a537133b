-- wrk script for `tools/load/run.sh` with ENTENTE_LOAD_SCRIPT=tools/load/varied.lua:
-- like mixed.lua, but each request builds its path from random actors,
-- pairs, pages and words, so most answers are not in the server's cache
-- (a demanding user, not one who reloads the same twenty pages).
local actors = { "TUR", "SYR", "USA", "IRN", "RUS", "ISR", "GBR", "FRA", "CHN", "IRQ", "SAU", "EGY",
  "DEU", "UKR", "PAK", "AFG", "IND", "JPN", "PSE", "LBN", "TURGOV", "USAGOV", "SYRREB", "IGOUNO" }
local words = { "ceasefire", "talks", "sanctions", "troops", "%22red%20line%22", "refugees", "oil",
  "election", "border", "attack", "Erdogan", "Putin", "Trump", "nuclear", "aid", "protest" }
-- The numbers of the Guardian articles (their ids are `guardian-N`).
local guardian = {
  3, 7, 10, 11, 12, 18, 20, 21, 23, 24, 31, 34, 35, 36, 37, 41, 43, 45, 48, 51, 55, 57, 62, 70,
  71, 72, 73, 74, 76, 78, 79, 82, 83, 84, 85, 87, 88, 91, 93, 94, 95, 96, 97, 98, 99, 100, 101,
  107, 110, 112, 114, 118, 119, 120, 124, 125, 126, 128, 130, 131, 132, 135, 136, 138, 139, 140,
  141, 142, 143, 145, 146, 147, 148, 149, 151, 153, 154, 155, 156, 158, 159, 160, 183, 186, 194,
  195, 199, 201, 203, 204, 211, 213, 214, 215, 221, 223, 228, 237, 239, 240, 248, 256, 258, 261,
  263, 265, 276, 278, 284, 285, 286, 290, 303, 304, 307, 316, 318, 327, 343, 350, 351, 397, 398,
  401, 415, 435, 439, 452, 475, 479, 483, 485, 493, 501, 504, 507, 508, 510, 512, 514, 520, 523,
  526, 527, 528, 530, 531, 532, 533, 535, 537, 545, 553, 555, 560, 564, 571, 572, 575, 577, 580,
  581, 584, 585, 586, 588, 589, 590, 591, 592, 593, 595, 603, 605, 612, 615, 616, 617, 618, 619,
  620, 622, 625, 626, 628, 629, 630, 631, 633, 634, 636, 637, 638, 639, 646, 648, 649, 653, 656,
  665, 666, 669, 673, 678, 680, 681, 683, 684, 685, 687, 691, 693, 694, 698, 704, 706, 708, 713,
  716, 718, 719, 720, 721, 723, 725, 727, 728, 732, 733, 735, 736, 737, 738, 739, 743, 754, 757,
  763, 764, 766, 769, 771, 773, 775, 776, 780, 781, 782, 786
}
local function pick(t) return t[math.random(#t)] end
local makers = {
  function() return "/api/v1/actors/" .. pick(actors) end,
  function() return "/actors/" .. pick(actors) end,
  function() return "/api/v1/dyads/" .. pick(actors) .. "/" .. pick(actors) end,
  function() return "/dyads/" .. pick(actors) .. "/" .. pick(actors) end,
  function() return "/api/v1/events?actor=" .. pick(actors) .. "&limit=20&offset=" .. 20 * math.random(0, 10) end,
  function() return "/api/v1/events?dyad=" .. pick(actors) .. "," .. pick(actors) .. "&limit=20" end,
  function() return "/api/v1/events?root=" .. string.format("%02d", math.random(1, 20)) .. "&limit=50&offset=" .. 50 * math.random(0, 20) end,
  function() return "/api/v1/documents?limit=20&offset=" .. 20 * math.random(0, 390) end,
  function() return "/api/v1/documents/guardian-" .. pick(guardian) end,
  function() return "/documents/guardian-" .. pick(guardian) end,
  function() return "/api/v1/quotes?limit=20&offset=" .. 20 * math.random(0, 300) end,
  function() return "/api/v1/facts?limit=20&offset=" .. 20 * math.random(0, 100) end,
  function() return "/api/v1/search?q=" .. pick(words) .. "&offset=" .. 20 * math.random(0, 5) end,
  function() return "/search?q=" .. pick(words) .. "&actor=" .. pick(actors) end,
  function() return "/?offset=" .. 100 * math.random(0, 78) end,
  function() return "/api/v1/brokers?between=" .. pick(actors) .. "," .. pick(actors) end,
}

request = function()
  return wrk.format("GET", pick(makers)())
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d timeout %d status %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
