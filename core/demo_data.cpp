// A believable questioning cycle in a Year 8 science class, saved through the normal store
// paths. Lesson times are spread over a 50-minute lesson; nothing in it rates anyone.
#include "core/demo_data.h"

#include <vector>

namespace core {

namespace {
// Demo records are authored by made-up colleagues, so they must never reach a hub: every
// record is marked local-only before it is saved, and so is every observation, which keeps
// later edits and new evidence in the demo observations off the outbox as well.
Id save(Store& store, const RecordBody& body, Id author) {
  Id record = Id::random();
  store.outbox().mark_local_only(record);
  store.create_with_id(record, body, author);
  return record;
}
}  // namespace

DemoData seed_demo_data(Store& store, Id me) {
  DemoData demo;
  store.transaction([&] {
    demo.observed_teacher = save(store, Person{"Amira Haddad", "Northfield Secondary"}, me);
    demo.coach = save(store, Person{"Jonas Berg", "Northfield Secondary"}, me);
    const Id colleague = save(store, Person{"Priya Nair", "Northfield Secondary"}, me);

    demo.cycle = save(store,
                      Cycle{"Questioning in 8B science", demo.observed_teacher,
                            "Who gets to answer my questions, and how long do I wait before I take an answer?"},
                      me);

    Observation first;
    first.cycle = demo.cycle;
    first.focus_question = "Who gets to answer my questions, and how long do I wait before I take an answer?";
    first.look_fors = {"Open questions", "Wait time after a question", "Who answers",
                       "Students building on each other"};
    first.tools.counters = {
        {"open-q", "Open questions"}, {"closed-q", "Closed questions"}, {"student-q", "Student questions"}};
    first.tools.timers = {
        {"teacher-talk", "Teacher talk", "talk"}, {"student-talk", "Student talk", "talk"}, {"wait", "Wait time", ""}};
    first.tools.seating.enabled = true;
    first.tools.seating.rows = 4;
    first.tools.seating.cols = 6;
    const char* names[] = {"Ali", "Bea", "Chen", "Dara", "Eli",  "Femi", "Gus", "Hana", "Ivo", "Jade", "Kai", "Lola",
                           "Mo",  "Nia", "Omar", "Pia",  "Quin", "Rosa", "Sam", "Tara", "Uma", "Vik",  "Wen", "Zoe"};
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 6; ++c)
        first.tools.seating.seats.push_back(
            {"r" + std::to_string(r) + "c" + std::to_string(c), names[r * 6 + c], r, c});
    first.template_key = "questioning";
    first.class_name = "8B science";
    first.date = "2026-11-19";
    first.time = "10:40";
    first.participants = {
        {demo.observed_teacher, Role::ObservedTeacher}, {me, Role::TeacherLeader}, {demo.coach, Role::Coach}};
    first.status = ObservationStatus::Debriefed;
    demo.observed_visit = save(store, first, me);
    const Id obs = demo.observed_visit;

    save(store, LessonClock{obs, 50 * 60 * 1000, false, true}, me);
    struct NoteSeed {
      int minute;
      NoteKind kind;
      const char* text;
      const char* tag;
    };
    const NoteSeed notes[] = {
        {2, NoteKind::Noticing, "Lesson opens with a photo of rusted bikes; 'What do you notice?' on the board.",
         "Open questions"},
        {4, NoteKind::Quote, "\"Why do you think the chain rusted first?\"", "Open questions"},
        {5, NoteKind::Noticing, "About 2 seconds between the question and taking the first hand (Ali).",
         "Wait time after a question"},
        {9, NoteKind::Noticing, "Front two rows answered 6 of the first 7 questions.", "Who answers"},
        {14, NoteKind::Quote, "Dara: \"Is it because the chain gets wet more often?\"",
         "Students building on each other"},
        {18, NoteKind::Noticing, "Think-pair-share: every pair I could hear talked about water and air.", ""},
        {23, NoteKind::Wondering, "What would change if students wrote an answer before hands went up?",
         "Wait time after a question"},
        {31, NoteKind::Noticing,
         "Back row (Sam, Tara, Uma) wrote predictions but did not speak in the whole-class part.", "Who answers"},
        {40, NoteKind::Quote, "Femi: \"I agree with Chen but the salt matters too.\"",
         "Students building on each other"},
        {47, NoteKind::Noticing, "Exit ticket: 'Which variable would you test first, and why?'", "Open questions"},
    };
    for (const auto& n : notes)
      save(store,
           EvidenceNote{obs, n.minute * 60000LL, n.text, n.kind,
                        n.tag[0] ? std::vector<std::string>{n.tag} : std::vector<std::string>{}},
           me);
    const int open_minutes[] = {2, 4, 11, 19, 26, 38, 47};
    for (int m : open_minutes) save(store, Tally{obs, "open-q", m * 60000LL}, me);
    const int closed_minutes[] = {3, 5, 6, 8, 9, 12, 15, 21, 24, 27, 33, 35, 41};
    for (int m : closed_minutes) save(store, Tally{obs, "closed-q", m * 60000LL + 20000}, me);
    const int student_minutes[] = {14, 29, 40};
    for (int m : student_minutes) save(store, Tally{obs, "student-q", m * 60000LL + 5000}, demo.coach);
    const std::pair<int, int> teacher_talk[] = {{0, 8}, {12, 17}, {22, 30}, {36, 40}, {44, 47}};
    for (auto [a, b] : teacher_talk) save(store, TimerSpan{obs, "teacher-talk", a * 60000LL, b * 60000LL}, me);
    const std::pair<int, int> student_talk[] = {{8, 12}, {17, 22}, {30, 36}, {40, 44}};
    for (auto [a, b] : student_talk) save(store, TimerSpan{obs, "student-talk", a * 60000LL, b * 60000LL}, me);
    const char* marks[] = {"r0c0", "r0c1", "r0c1", "r0c3", "r1c2", "r0c0", "r1c4", "r0c5", "r2c1", "r1c2", "r0c3"};
    int minute = 3;
    for (const char* seat : marks) save(store, SeatMark{obs, seat, (minute += 4) * 60000LL}, me);

    Id p1 = save(
        store,
        Prompt{obs, "Most answers came from the front two rows. Is this what you thought was happening?", {}, true},
        me);
    Id p2 =
        save(store, Prompt{obs, "Wait time was about two seconds. What would you like to try with it?", {}, true}, me);
    save(store,
         Reflection{obs, p1,
                    "No — I thought I was spreading questions around. I call on whoever is quickest, and that is "
                    "the front."},
         demo.observed_teacher);
    save(store, Reflection{obs, p2, "I want to try a 5-second count and mini whiteboards before anyone answers."},
         demo.observed_teacher);
    save(store, DebriefNote{obs, "Amira will use mini whiteboards for the first two questions of each lesson."}, me);
    save(store, DebriefNote{obs, "We agreed the seating chart is the data to collect again."}, demo.coach);

    Observation follow = first;
    follow.date = "2026-12-03";
    follow.time = "10:40";
    follow.status = ObservationStatus::Planned;
    follow.follows = obs;
    demo.follow_up_visit = save(store, follow, me);

    save(store,
         NextStep{obs, "Mini whiteboards and a 5-second wait for the first two questions", demo.observed_teacher,
                  "A class set of whiteboards from the science office", "2026-12-03", NextStepStatus::Open,
                  demo.follow_up_visit},
         demo.observed_teacher);
    save(store,
         CoachingNote{obs, me,
                      "Your first prompt led with the data and a question; Amira found her own pattern. Try leaving "
                      "more silence after the question in the debrief too."},
         demo.coach);

    // The other side of the cycle: Priya visited my class, and her prompt waits for my answer.
    demo.my_cycle = save(
        store, Cycle{"Group work in 9C maths", me, "Do all groups get my attention, or only the ones that ask?"}, me);
    Observation mine;
    mine.cycle = demo.my_cycle;
    mine.focus_question = "Do all groups get my attention, or only the ones that ask?";
    mine.look_fors = {"Which groups I visit", "How long I stay"};
    mine.tools.counters = {{"visit", "Visits to a group"}, {"called", "Called over by a group"}};
    mine.template_key = "small-group-instruction";
    mine.class_name = "9C maths";
    mine.date = "2026-11-24";
    mine.time = "09:00";
    mine.participants = {{me, Role::ObservedTeacher}, {colleague, Role::TeacherLeader}};
    mine.status = ObservationStatus::Observed;
    demo.my_visit = save(store, mine, colleague);
    const Id visit = demo.my_visit;
    save(store, LessonClock{visit, 45 * 60 * 1000, false, true}, colleague);
    const int visits[] = {4, 9, 15, 22, 30, 37};
    for (int m : visits) save(store, Tally{visit, "visit", m * 60000LL}, colleague);
    const int called[] = {6, 13, 21, 28};
    for (int m : called) save(store, Tally{visit, "called", m * 60000LL + 30000}, colleague);
    const NoteSeed seen_notes[] = {
        {9, NoteKind::Noticing, "Group by the window called twice; visited both times within a minute.",
         "Which groups I visit"},
        {24, NoteKind::Noticing, "Back-left group worked quietly; no visit in the first 25 minutes.",
         "Which groups I visit"},
        {31, NoteKind::Quote, "\"We weren't sure, so we just guessed.\" (back-left group)", "How long I stay"},
    };
    std::vector<Id> seen;  // the evidence Priya's prompt points to
    for (const auto& n : seen_notes)
      seen.push_back(save(store, EvidenceNote{visit, n.minute * 60000LL, n.text, n.kind, {n.tag}}, colleague));
    save(store,
         Prompt{visit, "Four of six visits followed a call for help. What do you make of the quiet back-left group?",
                seen, true},
         colleague);
  });
  return demo;
}

}  // namespace core
