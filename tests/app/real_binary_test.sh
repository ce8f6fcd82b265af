#!/usr/bin/env bash
# Starts the real peerobs binary under Xvfb at a portrait (768x1024) and a landscape (1280x800)
# size and drives it with xdotool the way a person would, through every main screen: first run
# with demo data, Home, Observe (a counter, a note + Enter, a seat, a timer), the Cycle with its
# visit cards (Reflect and Coaching notes of the debriefed visit), Reflect again as the observed
# teacher answering a prompt from Home's waiting items, Prompt after ending the lesson,
# Debrief from Home's waiting items, Plan from a template (and discarding its draft), Settings from
# Home's top bar. Each screen is checked by the id the app reports (a miss fails with a screenshot
# of the screen at that moment) and saved as OUT_DIR/<screen>_<portrait|landscape>_<size>.png.
# Also measures idle CPU over 6 s on Home (portrait run) and checks that a note typed but not saved survives the
# window being closed (drafts are committed on quit). Needs: xvfb xdotool imagemagick python3.
# Usage: real_binary_test.sh PEEROBS_BINARY OUT_DIR
set -u
bin=$1 out=$2
mkdir -p "$out"
for tool in Xvfb xdotool import python3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is missing (apt-get install -y xvfb xdotool imagemagick python3)"; exit 1; }
done
fail() {
  echo "FAIL ($size): $*"
  [ -n "${disp:-}" ] && DISPLAY=$disp import -window root "$out/failed-$size.png" 2>/dev/null && echo "screen at failure: $out/failed-$size.png"
  cleanup
  exit 1
}
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "${xv:-}" ] && kill "$xv" 2>/dev/null && wait "$xv" 2>/dev/null
  app="" xv=""
}
trap cleanup EXIT

# Centre of a widget by label from the app's UI map; waits up to 10 s for it to be drawn.
pos() {
  local label=$1 i
  for i in $(seq 1 100); do
    local line
    line=$(awk -F'\t' -v l="$label" '$1 == l { print $2 " " $3; exit }' "$map" 2>/dev/null)
    if [ -n "$line" ]; then echo "$line"; return 0; fi
    sleep 0.1
  done
  return 1
}
screen_is() {
  local i
  for i in $(seq 1 100); do
    [ "$(awk -F'\t' '$1 == "screen" { print $2 }' "$map" 2>/dev/null)" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}
# Screen ids as app/shell/screen.h numbers them.
declare -A screen_id=([first_run]=0 [home]=1 [plan]=2 [observe]=3 [prompt]=4 [reflect]=5 [debrief]=6 [cycle]=7
                      [coaching_notes]=8 [settings]=9)
current_screen() { awk -F'\t' '$1 == "screen" { print $2 }' "$map" 2>/dev/null; }
# Fails unless the app shows screen NAME within 10 s; WHY says how the test tried to get there.
expect_screen() {
  screen_is "${screen_id[$1]}" || fail "$1 did not show after $2 (the app shows screen $(current_screen))"
}
# A finger drag up by 320 px from X Y that comes to rest before lifting, so the list does not
# fling on (how far a fling goes depends on the frame rate, which a busy machine changes).
drag_up() {
  local x=$1 y=$2 dy
  DISPLAY=$disp xdotool mousemove $x $y mousedown 1
  for dy in 40 80 120 160 200 240 280 320; do DISPLAY=$disp xdotool mousemove $x $(( y - dy )); sleep 0.04; done
  for dy in 319 320 319 320; do DISPLAY=$disp xdotool mousemove $x $(( y - dy )); sleep 0.1; done
  DISPLAY=$disp xdotool mouseup 1
  sleep 0.5
}
# Taps LABEL, dragging the list up with a finger until it is on screen (portrait lists are long).
tap_below() {
  local label=$1 i
  for i in 1 2 3 4 5 6; do
    if awk -F'\t' -v l="$label" '$1 == l { f = 1 } END { exit !f }' "$map" 2>/dev/null; then tap "$label"; return; fi
    drag_up $(( ${size%x*} / 2 )) $(( ${size#*x} * 3 / 4 ))
  done
  fail "no widget \"$label\" on screen after scrolling down"
}
tap() {
  local p
  p=$(pos "$1") || fail "no widget \"$1\" on screen"
  DISPLAY=$disp xdotool mousemove $p click 1
  sleep 0.3
}
shot() {
  local file=$out/${1}_${orient}_${size}.png
  DISPLAY=$disp xdotool mousemove 5 5
  sleep 0.6
  DISPLAY=$disp import -window root "$file" || fail "screenshot $1"
  echo "saved $file at ${SECONDS}s"
}
alive() { kill -0 "$app" 2>/dev/null || fail "peerobs exited: $(cat "$log")"; }
start_app() {
  rm -f "$map"
  # Under ASan, LeakSanitizer would report what libdbus, SDL and Mesa's GL driver keep until exit
  # (third-party, not ours); our leaks are checked by the headless app_tests, which run with it on.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    XDG_DOCUMENTS_DIR=$data/documents PEEROBS_UI_MAP=$map DISPLAY=$disp "$bin" --data "$data" --size "$size" >"$log" 2>&1 &
  app=$!
}
cpu_ticks() { awk '{ print $14 + $15 }' /proc/$app/stat; }

for size in 768x1024 1280x800; do
  orient=portrait
  [ "${size%x*}" -gt "${size#*x}" ] && orient=landscape
  for n in $(seq 90 140); do [ -e /tmp/.X$n-lock ] || { disp=:$n; break; }; done
  Xvfb "$disp" -screen 0 "${size}x24" >/dev/null 2>&1 & xv=$!
  sleep 1
  data=$(mktemp -d) map=$data/ui-map.txt log=$data/log.txt
  mkdir -p "$data/documents"  # XDG_DOCUMENTS_DIR (start_app): reports go to <documents>/peerobs
  start_app
  expect_screen first_run "starting with an empty store"
  alive
  shot first_run
  tap "##name"
  DISPLAY=$disp xdotool type --delay 10 "Sam Okafor"
  tap "Start"
  expect_screen home "Start on first run"
  counts() {  # live records of the types captured while observing, before and after
    python3 - "$data/peerobs.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# type ids from core/records.h: EvidenceNote=5, Tally=6, TimerSpan=7, SeatMark=8
print(" ".join(str(db.execute("SELECT count(DISTINCT record_id) FROM heads WHERE type=? AND tombstone=0", (t,)).fetchone()[0])
               for t in (5, 6, 7, 8)))
PY
  }
  before=$(counts)

  # Idle: nothing changes on Home, so the app must sleep in SDL_WaitEvent. Measured at the first
  # size only: sleeping does not depend on the window's size, and the wait is the test's longest.
  if [ "$orient" = portrait ]; then
    DISPLAY=$disp xdotool mousemove 5 5
    sleep 1.5
    t0=$(cpu_ticks); sleep 6; t1=$(cpu_ticks)
    hz=$(getconf CLK_TCK)
    idle=$(python3 -c "print(round(100.0 * ($t1 - $t0) / $hz / 6.0, 2))")
    echo "idle CPU on Home over 6 s ($size): $idle %"
    python3 -c "import sys; sys.exit(0 if $idle <= 1.0 else 1)" || fail "idle CPU $idle % is above 1 %"
  else
    sleep 2   # the welcome toast fades before the picture
  fi
  shot home   # after the idle wait, so the welcome toast has gone

  tap "Observe"
  expect_screen observe "tapping Observe on Home's visit card"
  tap "Start observing"
  tap "Open questions##counter"; tap "Open questions##counter"; tap "Closed questions##counter"
  tap "##note"
  DISPLAY=$disp xdotool type --delay 10 "Ali answers the first question"
  DISPLAY=$disp xdotool key Return; sleep 0.4
  tap "Quote"
  tap "##note"
  DISPLAY=$disp xdotool type --delay 10 "Why did the chain rust first?"
  DISPLAY=$disp xdotool key Return; sleep 0.4
  tap "Teacher talk##timer"
  # The seating chart sits below the fold in portrait: drag the tools list up with a "finger".
  p=$(pos "Undo last tap") || fail "no Undo button"
  drag_up $p
  sleep 0.5
  screen_is 3 || fail "the drag pressed Undo or left Observe"
  tap "Ali##seat"; tap "Chen##seat"; tap "Ali##seat"
  DISPLAY=$disp xdotool mousemove 5 5
  sleep 0.6
  alive
  shot observe
  # A thought typed and not saved, then the window closes at once: the draft must be kept.
  tap "##note"
  DISPLAY=$disp xdotool type --delay 10 "unsaved thought"
  kill -TERM "$app"; wait "$app"; code=$?; app=""
  [ "$code" = 0 ] || fail "peerobs exited with $code on close: $(cat "$log")"
  python3 - "$data/peerobs.sqlite" <<'PY' || fail "the store does not hold what was captured"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
drafts = [r[0] for r in db.execute("SELECT text FROM drafts")]
assert any("unsaved thought" in d for d in drafts), "draft not committed on close: %r" % drafts
print("draft kept on close:", drafts)
PY
  start_app
  expect_screen home "a restart"

  # The cycle from the follow-up visit's card; the debriefed visit's card leads on to what the
  # teacher wrote (Reflect, read-only for me as the observer) and the coach's notes to me.
  tap "Cycle"
  expect_screen cycle "tapping Cycle on Home's visit card"
  shot cycle
  tap_below "Reflect"
  expect_screen reflect "tapping Reflect on the debriefed visit's card"
  tap "‹ Back"
  expect_screen cycle "Back from Reflect"
  tap_below "Coaching notes"
  expect_screen coaching_notes "tapping Coaching notes on the debriefed visit's card"
  shot coaching_notes
  tap "‹ Back"; expect_screen cycle "Back from Coaching notes"
  # The cycle report for the observed teacher: a PDF in the documents folder, said where it went,
  # with the cycle's visits and next step.
  tap_below "For Amira Haddad"
  saved=""
  for i in $(seq 1 100); do
    saved=$(awk -F'\t' '$1 ~ /^Saved as / { sub(/^Saved as /, "", $1); print $1; exit }' "$map" 2>/dev/null)
    [ -n "$saved" ] && break
    sleep 0.1
    # The outcome shows under the buttons, maybe below the window's edge: bring it into view
    # (the share card is in the right-hand column in landscape, the only one in portrait).
    [ $(( i % 20 )) -eq 0 ] && drag_up $(( ${size%x*} * 3 / 4 )) $(( ${size#*x} * 3 / 4 ))
  done
  [ -n "$saved" ] || fail "no \"Saved as ...\" after tapping For Amira Haddad on the cycle's share card"
  case "$saved" in "$data/documents/peerobs/"*.pdf) ;; *) fail "the cycle report went to $saved, not the documents folder";; esac
  [ "$(head -c 4 "$saved")" = "%PDF" ] || fail "$saved is not a PDF"
  if command -v pdftotext >/dev/null; then
    pdftotext "$saved" - | grep -q "Questioning in 8B science" || fail "the cycle report has no title"
    pdftotext "$saved" - | grep -q "Mini whiteboards" || fail "the cycle report has no next step"
  fi
  echo "cycle report saved as $saved"
  shot cycle_shared
  tap "‹ Back"; expect_screen home "Back from the cycle"

  # The other side: a colleague observed my class, and her prompt waits on Home for my answer.
  tap "Answer"
  expect_screen reflect "tapping Answer in Home's waiting items"
  field=$(awk -F'\t' '$1 ~ /^##answer-/ { print $1; exit }' "$map")
  [ -n "$field" ] || fail "no answer field on Reflect"
  tap "$field"
  DISPLAY=$disp xdotool type --delay 10 "I go where I am called; the quiet group never calls me over."
  shot reflect
  tap "Save answer"
  python3 - "$data/peerobs.sqlite" <<'PY' || fail "the answer typed on Reflect was not stored"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# type id from core/records.h: Reflection=10; the demo's two answers are Amira's, this one is mine
n = db.execute("SELECT count(DISTINCT record_id) FROM heads WHERE type=10 AND tombstone=0").fetchone()[0]
assert n == 3, "reflections: %d" % n
PY
  tap "‹ Back"; expect_screen home "Back from Reflect"

  # Back to the lesson: the restored draft becomes a note, the lesson ends, prompts are next.
  tap "Observe"
  expect_screen observe "tapping Observe on Home's visit card after a restart"
  tap "Save"   # the restored draft becomes a note
  tap "End lesson"
  tap "Write prompts"
  expect_screen prompt "ending the lesson and tapping Write prompts"
  sleep 1.5   # the "Lesson ended" toast fades before the picture
  shot prompt
  tap "‹ Back"; expect_screen observe "Back from Prompt"
  tap "‹ Back"; expect_screen home "Back from Observe"

  # The lesson just observed now waits on Home for its debrief.
  tap "Open debrief"
  expect_screen debrief "tapping Open debrief in Home's waiting items"
  shot debrief
  tap "‹ Back"; expect_screen home "Back from Debrief"

  tap "+ Plan an observation"
  expect_screen plan "tapping + Plan an observation"
  tap "Participation equity" 2>/dev/null || tap "Questioning"
  tap "##focus_q"
  DISPLAY=$disp xdotool type --delay 10 "Who do I call on, and who never speaks?"
  shot plan
  tap "‹ Back"; expect_screen home "Back from Plan"   # leaving keeps the typed plan as a draft

  tap "Settings"
  expect_screen settings "tapping Settings in Home's top bar"
  shot settings
  tap "‹ Back"; expect_screen home "Back from Settings"

  # The next new plan brings the draft back; it can be discarded (after a confirmation).
  tap "+ Plan an observation"
  expect_screen plan "tapping + Plan an observation again"
  tap "Discard draft"
  tap "Yes, discard"
  tap "‹ Back"; expect_screen home "Back from the discarded plan"
  alive
  kill -TERM "$app"; wait "$app"; app=""
  python3 - "$data/peerobs.sqlite" <<'PY' || fail "the discarded plan draft is still in the store"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
left = [r[0] for r in db.execute("SELECT key FROM drafts WHERE key LIKE 'plan/new/%'")]
assert not left, "plan drafts left after Discard draft: %r" % left
PY
  after=$(counts)
  echo "notes, tallies, timer spans, seat marks before: $before; after: $after"
  python3 -c "
b = list(map(int, '$before'.split())); a = list(map(int, '$after'.split()))
d = [x - y for x, y in zip(a, b)]
# 2 notes + the draft restored and saved; 3 taps (a drag over Undo must not undo one); 1 span; 3 marks
assert d == [3, 3, 1, 3], d
" || fail "the store does not hold exactly what was captured"
  cleanup
  rm -rf "$data"
done
echo "PASS: screenshots in $out"
