// Demo data for a newcomer: a real learning cycle they can walk through at once.
// seed_demo_data creates three colleagues, a cycle on questioning with one observed,
// reflected and debriefed visit (notes, tallies, timer spans, seat marks, shared prompts,
// a reflection, debrief notes, a next step, a coaching note) and a planned follow-up
// visit in which `me` is the teacher leader; and a second cycle in which a colleague observed
// `me`, with one shared prompt waiting for my answer. Everything is saved through Store, so it is
// versioned like any other data, but it stays on this device: none of it enters the outbox.
#pragma once
#include "core/store.h"

namespace core {

struct DemoData {
  Id cycle;
  Id observed_visit;   // the completed first observation
  Id follow_up_visit;  // the planned follow-up, me = teacher leader
  Id observed_teacher;
  Id coach;
  Id my_cycle;  // the cycle where I am the observed teacher
  Id my_visit;  // its observed visit, one shared prompt unanswered
};

DemoData seed_demo_data(Store& store, Id me);

}  // namespace core
