// The painters: one per block type, each drawing its block at the flow's cursor and leaving the
// cursor below it (with the gap that follows a block). lead_height is what must fit on a page
// for the block to start there: a heading above it asks for that much room too, so a heading
// never ends a page alone.
#pragma once
#include "core/report/document.h"
#include "core/report/pdf/page_flow.h"

namespace core::report::pdf {

// The first page's top: the title, then the notice in its tinted box.
void paint_title_and_notice(PageFlow& flow, const Document& document);

void paint(PageFlow& flow, const Heading& block);
void paint(PageFlow& flow, const Subheading& block);
void paint(PageFlow& flow, const Paragraph& block);
void paint(PageFlow& flow, const BulletList& block);
void paint(PageFlow& flow, const FactTable& block);
void paint(PageFlow& flow, const ItemList& block);
void paint(PageFlow& flow, const Table& block);
void paint(PageFlow& flow, const BarChart& block);
void paint(PageFlow& flow, const ShareBar& block);
void paint(PageFlow& flow, const SeatMap& block);

double lead_height(PageFlow& flow, const Heading& block);
double lead_height(PageFlow& flow, const Subheading& block);
double lead_height(PageFlow& flow, const Paragraph& block);
double lead_height(PageFlow& flow, const BulletList& block);
double lead_height(PageFlow& flow, const FactTable& block);
double lead_height(PageFlow& flow, const ItemList& block);
double lead_height(PageFlow& flow, const Table& block);
double lead_height(PageFlow& flow, const BarChart& block);
double lead_height(PageFlow& flow, const ShareBar& block);
double lead_height(PageFlow& flow, const SeatMap& block);

}  // namespace core::report::pdf
