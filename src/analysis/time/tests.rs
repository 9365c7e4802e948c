//! The normalisation table: one named case per row, each an expression in a sentence, a reference
//! date, and the expected TimeML value and `mod`. The sentence gives the tense; the expression must be
//! tagged with exactly that extent.

use super::*;
use crate::analysis::segment;

/// (name, sentence, expression, reference date, value, mod).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("weekday is the reference day", "Peskov said Friday.", "Friday", "2025-03-14", "2025-03-14", ""),
    ("weekday before, past tense", "Putin met Witkoff Thursday.", "Thursday", "2025-03-14", "2025-03-13", ""),
    ("late weekday", "Putin asked Witkoff late Thursday to wait.", "late Thursday", "2025-03-14", "2025-03-13", "END"),
    ("early weekday", "Drones attacked early Friday.", "early Friday", "2025-03-14", "2025-03-14", "START"),
    ("weekday after, future", "They will meet Tuesday.", "Tuesday", "2025-03-14", "2025-03-18", ""),
    ("weekday after, expected", "Talks are expected Monday.", "Monday", "2025-03-14", "2025-03-17", ""),
    ("weekday after, going to", "He is going to call Sunday.", "Sunday", "2025-03-14", "2025-03-16", ""),
    ("weekday no tense goes back", "A meeting Wednesday in Paris.", "Wednesday", "2025-03-14", "2025-03-12", ""),
    ("last weekday", "He left last Monday.", "last Monday", "2025-03-14", "2025-03-10", ""),
    ("next weekday", "He leaves next Friday.", "next Friday", "2025-03-14", "2025-03-21", ""),
    ("last same weekday", "They met last Friday.", "last Friday", "2025-03-14", "2025-03-07", ""),
    ("this weekday", "They meet this Saturday.", "this Saturday", "2025-03-14", "2025-03-15", ""),
    ("past Sunday from Saturday", "The vote was held Sunday.", "Sunday", "2025-03-15", "2025-03-09", ""),
    ("future Sunday from Saturday", "The vote will be held Sunday.", "Sunday", "2025-03-15", "2025-03-16", ""),
    ("weekday across a month", "He said Friday.", "Friday", "2025-03-03", "2025-02-28", ""),
    ("weekday across a year", "They met Tuesday.", "Tuesday", "2025-01-01", "2024-12-31", ""),
    ("weekday morning", "He posted Friday morning.", "Friday morning", "2025-03-14", "2025-03-14TMO", ""),
    ("weekday afternoon", "He spoke Friday afternoon.", "Friday afternoon", "2025-03-14", "2025-03-14TAF", ""),
    ("weekday evening", "She arrived Thursday evening.", "Thursday evening", "2025-03-14", "2025-03-13TEV", ""),
    ("weekday night", "They left Wednesday night.", "Wednesday night", "2025-03-14", "2025-03-12TNI", ""),
    ("caption full date", "Moscow, Friday, March 14, 2025. (AP Photo)", "Friday, March 14, 2025", "2025-03-15", "2025-03-14", ""),
    ("caption full date other year", "Kyiv, Monday, Feb. 24, 2022.", "Monday, Feb. 24, 2022", "2025-03-15", "2022-02-24", ""),
    ("full date", "It began on March 14, 2025.", "March 14, 2025", "2025-03-21", "2025-03-14", ""),
    ("full date abbreviated", "It began on Feb. 24, 2022.", "Feb. 24, 2022", "2025-03-14", "2022-02-24", ""),
    ("full date no comma", "It began on Feb. 24 2022.", "Feb. 24 2022", "2025-03-14", "2022-02-24", ""),
    ("day month year", "It began on 24 February 2022.", "24 February 2022", "2025-03-14", "2022-02-24", ""),
    ("day month", "It began on 24 February.", "24 February", "2025-03-14", "2025-02-24", ""),
    ("month day same year", "They met at the White House on Feb. 28.", "Feb. 28", "2025-03-14", "2025-02-28", ""),
    ("month day sept", "It ended Sept. 30.", "Sept. 30", "1989-10-30", "1989-09-30", ""),
    ("month day past a year back", "It was signed Nov. 20.", "Nov. 20", "2025-03-14", "2024-11-20", ""),
    ("month day future next year", "It will be signed Jan. 20.", "Jan. 20", "2025-11-14", "2026-01-20", ""),
    ("month day near future", "The summit will be on March 20.", "March 20", "2025-03-14", "2025-03-20", ""),
    ("month day ordinal", "It opens March 2nd.", "March 2nd", "2025-03-14", "2025-03-02", ""),
    ("month day earlier same year", "Unlike the first summit on March 2, this one is virtual.", "March 2", "2025-03-15", "2025-03-02", ""),
    ("month alone past", "In January he changed that timeframe.", "January", "2025-03-14", "2025-01", ""),
    ("month alone later past", "In December he said it.", "December", "2025-03-14", "2024-12", ""),
    ("month alone future", "The talks will resume in June.", "June", "2025-03-14", "2025-06", ""),
    ("month alone no tense near", "The June talks.", "June", "2025-03-14", "2025-06", ""),
    ("month alone no tense far", "The November talks in Kyiv.", "November", "2025-03-14", "2024-11", ""),
    ("month with year", "It fell in July 1997.", "July 1997", "2025-03-14", "1997-07", ""),
    ("month of year", "It fell in March of 2020.", "March of 2020", "2025-03-14", "2020-03", ""),
    ("month this year", "It rose in January this year.", "January this year", "2025-03-14", "2025-01", ""),
    ("month last year", "It rose in June last year.", "June last year", "2025-03-14", "2024-06", ""),
    ("last month name", "It rose last May.", "last May", "2025-03-14", "2024-05", ""),
    ("last month name earlier this year", "It rose last January.", "last January", "2025-03-14", "2025-01", ""),
    ("next month name", "It rises next April.", "next April", "2025-03-14", "2025-04", ""),
    ("may after in, two months ahead in past tense stays in the year", "In May he left.", "May", "2025-03-14", "2025-05", ""),
    ("late month", "Snow fell late November.", "late November", "1989-12-14", "1989-11", "END"),
    ("mid month hyphen", "Talks stalled in mid-November.", "mid-November", "1989-12-14", "1989-11", "MID"),
    ("early month", "Prices fell in early September.", "early September", "1989-10-30", "1989-09", "START"),
    ("the end of a year", "by the end of 1990.", "the end of 1990", "1989-10-30", "1990", "END"),
    ("the beginning of a month", "at the beginning of March the plan changed.", "the beginning of March", "2025-03-14", "2025-03", "START"),
    ("bare year", "Russia's 2022 invasion.", "2022", "2025-03-14", "2022", ""),
    ("year after in", "It started in 1990.", "1990", "2025-03-14", "1990", ""),
    ("fiscal year", "Sales in fiscal 1989 rose.", "fiscal 1989", "1989-10-30", "1989", ""),
    ("mid year", "Prices peaked in mid-1996.", "mid-1996", "1998-03-14", "1996", "MID"),
    ("decade", "Prices peaked in the 1990s.", "the 1990s", "2025-03-14", "199", ""),
    ("decade bare", "Prices peaked in 1980s markets.", "1980s", "2025-03-14", "198", ""),
    ("century", "It was built in the 11th century.", "11th century", "2025-03-14", "10", ""),
    ("today", "Starmer spoke today.", "today", "2025-03-15", "2025-03-15", ""),
    ("yesterday", "He left yesterday.", "yesterday", "2025-03-15", "2025-03-14", ""),
    ("tomorrow", "He leaves tomorrow.", "tomorrow", "2025-03-15", "2025-03-16", ""),
    ("tonight", "The vote is tonight.", "tonight", "2025-03-15", "2025-03-15TNI", ""),
    ("yesterday morning", "He left yesterday morning.", "yesterday morning", "2025-03-15", "2025-03-14TMO", ""),
    ("this morning", "He spoke this morning.", "this morning", "2025-03-15", "2025-03-15TMO", ""),
    ("this afternoon", "He speaks this afternoon.", "this afternoon", "2025-03-15", "2025-03-15TAF", ""),
    ("this evening", "He speaks this evening.", "this evening", "2025-03-15", "2025-03-15TEV", ""),
    ("last night", "He spoke last night.", "last night", "2025-03-15", "2025-03-14TNI", ""),
    ("late yesterday", "He left late yesterday.", "late yesterday", "2025-03-15", "2025-03-14", "END"),
    ("the day before", "They held talks the day before.", "the day before", "2025-03-14", "2025-03-13", ""),
    ("the same day", "They met the same day.", "the same day", "2025-03-14", "2025-03-14", ""),
    ("now", "Now what we see is delay.", "Now", "2025-03-15", "PRESENT_REF", ""),
    ("currently", "He is currently abroad.", "currently", "2025-03-15", "PRESENT_REF", ""),
    ("recently", "He recently left.", "recently", "2025-03-15", "PAST_REF", ""),
    ("recent years", "In recent years prices rose.", "recent years", "2025-03-15", "PAST_REF", ""),
    ("the past", "In the past he spoke.", "the past", "2025-03-15", "PAST_REF", ""),
    ("the future", "In the future he will speak.", "the future", "2025-03-15", "FUTURE_REF", ""),
    ("nowadays", "Nowadays few write letters.", "Nowadays", "2025-03-15", "PRESENT_REF", ""),
    ("this week", "Talks resume this week.", "this week", "2025-03-14", "2025-W11", ""),
    ("next week", "Talks resume next week.", "next week", "2025-03-14", "2025-W12", ""),
    ("last week", "Talks stalled last week.", "last week", "2025-03-14", "2025-W10", ""),
    ("next week across a year", "Talks resume next week.", "next week", "2024-12-27", "2025-W01", ""),
    ("the week", "Stocks fell during the week.", "the week", "2025-03-14", "2025-W11", ""),
    ("earlier this week", "He met him earlier this week.", "earlier this week", "2025-03-14", "2025-W11", "START"),
    ("the weekend", "Officials plan to spend the weekend debriefing.", "the weekend", "2025-03-14", "2025-W11-WE", ""),
    ("this weekend", "Officials meet this weekend.", "this weekend", "2025-03-14", "2025-W11-WE", ""),
    ("next weekend", "Officials meet next weekend.", "next weekend", "2025-03-14", "2025-W12-WE", ""),
    ("last weekend", "Officials met last weekend.", "last weekend", "2025-03-14", "2025-W10-WE", ""),
    ("weekend alone", "Officials held weekend talks.", "weekend", "2025-03-14", "2025-W11-WE", ""),
    ("this month", "Prices rose this month.", "this month", "2025-03-14", "2025-03", ""),
    ("last month", "Prices rose last month.", "last month", "2025-03-14", "2025-02", ""),
    ("next month", "Prices rise next month.", "next month", "2025-03-14", "2025-04", ""),
    ("last month across a year", "Prices rose last month.", "last month", "2025-01-10", "2024-12", ""),
    ("this year", "Prices rose this year.", "this year", "2025-03-14", "2025", ""),
    ("last year", "Prices rose last year.", "last year", "2025-03-14", "2024", ""),
    ("next year", "Prices rise next year.", "next year", "2025-03-14", "2026", ""),
    ("early next year", "Prices rise early next year.", "early next year", "2025-03-14", "2026", "START"),
    ("earlier this year", "Prices rose earlier this year.", "earlier this year", "2025-03-14", "2025", "START"),
    ("the coming year", "Prices rise in the coming year.", "the coming year", "2025-03-14", "2026", ""),
    ("this summer", "He visits this summer.", "this summer", "2025-03-14", "2025-SU", ""),
    ("last fall", "He visited last fall.", "last fall", "2025-03-14", "2024-FA", ""),
    ("next spring", "He visits next spring.", "next spring", "2025-03-14", "2026-SP", ""),
    ("last winter", "He visited last winter.", "last winter", "2025-03-14", "2024-WI", ""),
    ("this decade", "Prices rose this decade.", "this decade", "2025-03-14", "202", ""),
    ("the third quarter", "Profit fell in the third quarter.", "the third quarter", "1989-10-30", "1989-Q3", ""),
    ("third-quarter adjective", "Third-quarter profit fell.", "Third-quarter", "1989-10-30", "1989-Q3", ""),
    ("fourth quarter last year", "Profit fell in the fourth quarter.", "the fourth quarter", "1990-02-10", "1989-Q4", ""),
    ("the quarter", "Profit fell in the quarter.", "the quarter", "1989-11-02", "1989-Q3", ""),
    ("the latest quarter", "Profit fell in the latest quarter.", "the latest quarter", "1989-11-02", "1989-Q3", ""),
    ("the current quarter", "Profit will fall in the current quarter.", "the current quarter", "1989-11-02", "1989-Q4", ""),
    ("quarter of a year", "Profit fell in the third quarter of 1990.", "the third quarter of 1990", "1991-02-10", "1990-Q3", ""),
    ("possessive year quarter", "Profit fell in 1988's first quarter.", "1988's first quarter", "1989-10-30", "1988-Q1", ""),
    ("the year-ago quarter", "It compares with the year-ago quarter.", "the year-ago quarter", "1989-10-30", "1988-Q3", ""),
    ("a year ago in earnings", "Profit fell in the quarter from a year ago.", "a year ago", "1989-10-30", "1988-Q3", ""),
    ("a year ago", "He left a year ago.", "a year ago", "2025-03-14", "2024", ""),
    ("two years ago", "He left two years ago.", "two years ago", "2025-03-14", "2023", ""),
    ("three months ago", "He left three months ago.", "three months ago", "2025-03-14", "2024-12", ""),
    ("ten days ago", "He left ten days ago.", "ten days ago", "2025-03-14", "2025-03-04", ""),
    ("two weeks ago", "He left two weeks ago.", "two weeks ago", "2025-03-14", "2025-W09", ""),
    ("a week later", "He came back a week later.", "a week later", "2025-03-14", "2025-W12", ""),
    ("two years from now", "He returns two years from now.", "two years from now", "2025-03-14", "2027", ""),
    ("several years ago", "He left several years ago.", "several years ago", "2025-03-14", "PAST_REF", ""),
    ("about two years ago", "He left about two years ago.", "about two years ago", "2025-03-14", "2023", "APPROX"),
    ("duration hyphen days", "a 30-day ceasefire", "30-day", "2025-03-14", "P30D", ""),
    ("duration hyphen words", "a two-year deal", "two-year", "2025-03-14", "P2Y", ""),
    ("duration hyphen hours", "a 16-hour shift", "16-hour", "2025-03-14", "PT16H", ""),
    ("duration day-long", "a day-long strike", "day-long", "2025-03-14", "P1D", ""),
    ("duration years", "three years after Russia's full-scale invasion", "three years", "2025-03-14", "P3Y", ""),
    ("duration hours", "to settle the war in 24 hours", "24 hours", "2025-03-14", "PT24H", ""),
    ("duration months", "peace could be negotiated in six months", "six months", "2025-03-14", "P6M", ""),
    ("duration weeks", "it took two weeks", "two weeks", "2025-03-14", "P2W", ""),
    ("duration minutes", "it took 45 minutes", "45 minutes", "2025-03-14", "PT45M", ""),
    ("duration seconds", "it took ten seconds", "ten seconds", "2025-03-14", "PT10S", ""),
    ("duration a year", "it took a year to build", "a year", "2025-03-14", "P1Y", ""),
    ("duration decade", "it took a decade to build", "a decade", "2025-03-14", "P10Y", ""),
    ("duration decades", "after two decades of war", "two decades", "2025-03-14", "P20Y", ""),
    ("duration century", "after a century of peace", "a century", "2025-03-14", "P100Y", ""),
    ("duration compound number", "in the last twenty four hours", "the last twenty four hours", "2025-03-14", "PT24H", ""),
    ("duration bare plural weeks", "it could take weeks", "weeks", "2025-03-14", "PXW", ""),
    ("duration bare plural months", "it could take months", "months", "2025-03-14", "PXM", ""),
    ("duration several", "it took several years", "several years", "2025-03-14", "PXY", ""),
    ("duration a few", "it took a few days", "a few days", "2025-03-14", "PXD", ""),
    ("duration a couple", "not for a couple of years", "a couple of years", "2025-03-14", "P2Y", ""),
    ("duration the first nine months", "sales in the first nine months rose", "the first nine months", "1989-10-30", "P9M", ""),
    ("duration the past two months", "in the past two months prices rose", "the past two months", "1989-10-30", "P2M", ""),
    ("duration the next two weeks", "in the next two weeks prices rise", "the next two weeks", "1989-10-30", "P2W", ""),
    ("duration last three years", "over the last three years prices rose", "the last three years", "1989-10-30", "P3Y", ""),
    ("duration more than", "it lasted more than four hours", "more than four hours", "2025-03-14", "PT4H", "MORE_THAN"),
    ("duration less than", "it lasted less than a decade", "less than a decade", "2025-03-14", "P10Y", "LESS_THAN"),
    ("duration at least", "it lasts at least 72 hours", "at least 72 hours", "2025-03-14", "PT72H", "EQUAL_OR_MORE"),
    ("duration up to", "it lasts up to 180 days", "up to 180 days", "2025-03-14", "P180D", "EQUAL_OR_LESS"),
    ("duration nearly", "it lasted nearly forty years", "nearly forty years", "2025-03-14", "P40Y", "LESS_THAN"),
    ("duration about", "it lasted about two weeks", "about two weeks", "2025-03-14", "P2W", "APPROX"),
    ("duration over", "it lasted over an hour", "over an hour", "2025-03-14", "PT1H", "MORE_THAN"),
    ("duration five year adjective", "a five year low", "five year", "2025-03-14", "P5Y", ""),
    ("set daily", "He writes daily.", "daily", "2025-03-14", "P1D", ""),
    ("set weekly", "A weekly paper.", "weekly", "2025-03-14", "P1W", ""),
    ("set monthly", "A monthly fee.", "monthly", "2025-03-14", "P1M", ""),
    ("set annually", "It meets annually.", "annually", "2025-03-14", "P1Y", ""),
    ("set every day", "He writes every day.", "every day", "2025-03-14", "P1D", ""),
    ("set every week", "He writes every week.", "every week", "2025-03-14", "P1W", ""),
    ("set every other week", "He writes every other week.", "every other week", "2025-03-14", "P2W", ""),
    ("set every two years", "Elections come every two years.", "every two years", "2025-03-14", "P2Y", ""),
    ("set each weekday", "The club meets each Thursday.", "each Thursday", "2025-03-14", "XXXX-WXX-4", ""),
    ("set every Monday", "The club meets every Monday.", "every Monday", "2025-03-14", "XXXX-WXX-1", ""),
    ("set plural weekday", "The club meets on Mondays.", "Mondays", "2025-03-14", "XXXX-WXX-1", ""),
    ("clock am", "It exploded at 10:35 a.m.", "10:35 a.m.", "1998-08-07", "1998-08-07T10:35", ""),
    ("clock pm", "It exploded at 10 p.m.", "10 p.m.", "1998-08-07", "1998-08-07T22:00", ""),
    ("clock noon", "It exploded at noon.", "noon", "1998-08-07", "1998-08-07T12:00", ""),
    ("clock midnight", "It exploded at midnight.", "midnight", "1998-08-07", "1998-08-07T24:00", ""),
    ("clock 12 am", "It exploded at 12 a.m.", "12 a.m.", "1998-08-07", "1998-08-07T00:00", ""),
    ("clock with zone and weekday", "It exploded at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "1998-08-07", "1998-08-06T04:00", ""),
    ("noon weekday", "Polls closed at noon Thursday.", "noon Thursday", "1998-02-13", "1998-02-12T12:00", ""),
    ("clock 24h", "The train left at 14:30.", "14:30", "2025-03-14", "2025-03-14T14:30", ""),
    ("REGRESSION the 1988 second quarter is not 1988 seconds", "Profit in the 1988 second quarter.", "the 1988 second quarter", "1989-10-27", "1988-Q2", ""),
    ("REGRESSION a four-digit count before a plural noun is not a year", "They sent 2000 troops to the border in 2024.", "2024", "2025-03-14", "2024", ""),
    ("REGRESSION a possessive stays outside", "Saturday’s meeting takes place.", "Saturday", "2025-03-15", "2025-03-15", ""),
    ("REGRESSION a Jan date a week ahead in past tense stays in this year", "The talks were set for Jan. 14.", "Jan. 14", "2000-01-10", "2000-01-14", ""),
    ("REGRESSION past tense month ahead by days stays", "He said it would end March 20.", "March 20", "2025-03-14", "2025-03-20", ""),
    ("REGRESSION the weekend from a Sunday is that week's", "They met over the weekend.", "the weekend", "2025-03-16", "2025-W11-WE", ""),
    ("REGRESSION the quarter refers back to the quarter named before", "Profit in the fiscal first quarter fell, and sales in the quarter rose.", "the quarter", "1989-10-26", "1989-Q1", ""),
    ("REGRESSION a year earlier follows the quarter named before", "Profit in the fiscal first quarter fell from a year earlier.", "a year earlier", "1989-10-26", "1988-Q1", ""),
    ("REGRESSION an absurd hour is no time and does not overflow", "It rang at 4294967295 p.m. on Friday.", "Friday", "2025-03-14", "2025-03-14", ""),
    ("REGRESSION a span before an event stays a duration", "Polls closed ten days before the vote.", "ten days", "2025-03-14", "P10D", ""),
    ("two more weeks is two weeks", "The talks need two more weeks.", "two more weeks", "2000-06-01", "P2W", ""),
    ("trading days count as days", "Eight trading days remain.", "Eight trading days", "1989-10-30", "P8D", ""),
    ("recent months is a span of months", "Lenders met in recent months.", "recent months", "1989-10-30", "PXM", ""),
    ("recent weeks is a span of weeks", "Prices fell in recent weeks.", "recent weeks", "1989-10-30", "PXW", ""),
    ("recent years stays a vague past", "Kidnappings rose in recent years.", "recent years", "1999-03-12", "PAST_REF", ""),
    ("this century is the hundred years to now", "It was the worst war this century.", "this century", "1999-03-12", "P100Y", ""),
    ("the current fiscal year", "Sales in the current fiscal year will rise.", "the current fiscal year", "1989-11-02", "1989", ""),
    ("the full year", "Profit for the full year fell.", "the full year", "1989-10-30", "1989", ""),
    ("year end", "Rates will fall by year end.", "year end", "1989-10-26", "1989", "END"),
    ("year's end", "Rates will fall by year's end.", "year's end", "1989-10-26", "1989", "END"),
    ("the year is this year", "For the year, volume was flat.", "the year", "1989-10-30", "1989", ""),
    ("the year ended is a company's twelve months", "For the year ended Sept. 30, Ralston earned more.", "the year", "1989-11-02", "P1Y", ""),
    ("the fiscal year ended", "In the fiscal year ended Jan. 31, sales rose.", "the fiscal year", "1989-11-02", "P1Y", ""),
    ("earlier in the year", "Use was delayed earlier in the year by rain.", "earlier in the year", "1989-10-26", "1989", "START"),
    ("each July is a set", "The fair opens each July.", "each July", "1998-03-22", "XXXX-07", ""),
    ("this past spring", "It dropped the unit this past spring.", "this past spring", "1989-10-30", "1989-SP", ""),
    ("the summer of this year", "Demand ran well into the summer.", "the summer", "1989-10-26", "1989-SU", ""),
    ("the nineties", "Prices soared in the nineties.", "the nineties", "1998-03-05", "199", ""),
    ("a year in words", "Prices were lower in nineteen ninety-six.", "nineteen ninety-six", "1998-03-05", "1996", ""),
    ("the year two thousand", "The promise holds until the year two thousand.", "the year two thousand", "1998-02-05", "2000", ""),
    ("the near term", "We don't minimize the challenges of the near term.", "the near term", "1989-10-26", "FUTURE_REF", ""),
    ("the near future", "It plans an offering in the near future.", "the near future", "1989-10-26", "FUTURE_REF", ""),
    ("these days", "Losses hurt more these days.", "these days", "1989-10-26", "PRESENT_REF", ""),
    ("soon", "Prosecutors may soon seek an indictment.", "soon", "1989-10-26", "FUTURE_REF", ""),
    ("the week of a date", "Talks open the week of March 6.", "the week of March 6", "2000-02-24", "2000-W10", ""),
    ("clock, zone and date", "The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "1989-11-02", "1989-11-09T17:00", ""),
    ("the latest quarter is the last one reported", "Profit rose in the fourth quarter forecast, and fell in the latest quarter.", "the latest quarter", "1989-10-26", "1989-Q3", ""),
    ("the year-ago third quarter", "In the year-earlier third quarter, it earned $1 million.", "the year-earlier third quarter", "1989-10-27", "1988-Q3", ""),
    ("the comparable year-ago quarter", "Net rose from the comparable year-ago quarter.", "the comparable year-ago quarter", "1989-10-27", "1988-Q3", ""),
    ("a bare year-earlier", "It had a loss in the third quarter, compared with a year-earlier loss.", "year-earlier", "1989-10-26", "1988-Q3", ""),
    ("the year-earlier nine months", "Net for the year-earlier nine months rose.", "the year-earlier nine months", "1989-10-26", "P9M", ""),
    ("the weekend from a Monday, past tense", "The evidence arrived over the weekend.", "the weekend", "1991-02-25", "1991-W08-WE", ""),
    ("the weekend from a Monday, future", "Officials will meet over the weekend.", "the weekend", "1991-02-25", "1991-W09-WE", ""),
    ("a half year in figures", "They lived in camps for 2 1/2 years.", "2 1/2 years", "1998-02-27", "P2Y6M", ""),
    ("a half hour in figures", "She spent about 5 1/2 hours in Nairobi.", "5 1/2 hours", "1998-08-08", "PT5H30M", ""),
    ("a year and a half", "The talks took a year and a half.", "a year and a half", "1998-02-27", "P1Y6M", ""),
    ("centuries", "The feud has lasted centuries.", "centuries", "1998-01-21", "PXC", ""),
    ("midnight on a weekday", "The deadline passed at midnight Friday.", "midnight Friday", "1989-10-30", "1989-10-27T24:00", ""),
    ("weekday nights are a set", "The show airs Tuesday nights.", "Tuesday nights", "1998-02-13", "XXXX-WXX-2TNI", ""),
    ("then current is past", "Holders may buy at the then current price.", "then current", "1989-10-26", "PAST_REF", ""),
    ("later that year counts from the year named before", "He went to Florida in June 1998 and returned later that year.", "later that year", "1999-10-24", "1998", "END"),
    ("the following year counts from the year named before", "He was promoted on May 22, 1995, and the following year he moved.", "the following year", "1998-04-18", "1996", ""),
    ("that year with no year named is the reference year", "Imports were small that year.", "that year", "1989-10-26", "1989", ""),
    ("the weeks ahead", "Prices may rise in the weeks ahead.", "the weeks ahead", "1989-10-27", "PXW", ""),
    ("the early summer", "Orders rose from the low levels of the early summer.", "the early summer", "1989-10-26", "1989-SU", "START"),
    ("Thanksgiving Day, past", "Elian was found Thanksgiving Day clinging to a tube.", "Thanksgiving Day", "2000-01-28", "1999-11-25", ""),
    ("last Thanksgiving", "He was found at sea last Thanksgiving.", "last Thanksgiving", "2000-04-06", "1999-11-25", ""),
    ("Election Day ahead", "Violence will be a theme from now to Election Day.", "Election Day", "1998-10-26", "1998-11-03", ""),
    ("Memorial Day is the last Monday of May", "The pool will open on Memorial Day.", "Memorial Day", "2025-03-14", "2025-05-26", ""),
    ("Labor Day is the first Monday of September", "Talks will resume after Labor Day.", "Labor Day", "2025-03-14", "2025-09-01", ""),
    ("Christmas Eve gone by", "The shelling stopped on Christmas Eve.", "Christmas Eve", "2025-03-14", "2024-12-24", ""),
    // Tense cues that are not the verb's: a date something takes effect, an "-ed" adjective.
    ("effective: a date something takes effect is ahead", "The firm created an office, effective Feb. 1.", "Feb. 1", "1989-10-26", "1990-02-01", ""),
    ("payable: a dividend is paid ahead", "The dividend is payable Jan. 2 to holders.", "Jan. 2", "1989-11-02", "1990-01-02", ""),
    ("REGRESSION an -ed word after a determiner is no past tense", "The reduced dividend goes out Jan. 2.", "Jan. 2", "1989-11-02", "1990-01-02", ""),
    // Quarters of a counted year, and the year-ago period of an earnings report.
    ("this year's quarter", "In this year's third quarter, net rose.", "this year's third quarter", "1989-11-01", "1989-Q3", ""),
    ("next year's quarter", "Output resumes in next year's first quarter.", "next year's first quarter", "1989-10-31", "1990-Q1", ""),
    ("last year's quarter is the year-ago quarter", "Net for the third quarter rose from last year's quarter.", "last year's quarter", "1989-11-01", "1988-Q3", ""),
    ("the same period last year", "Net for the third quarter fell from the same period last year.", "the same period last year", "1989-11-01", "1988-Q3", ""),
    ("the quarter a year ago", "Net for the third quarter fell from the quarter a year ago.", "the quarter a year ago", "1989-10-26", "1988-Q3", ""),
    ("the same period last year outside earnings is last year", "Tourism fell from the same period last year.", "the same period last year", "1998-08-20", "1997", ""),
    ("the 1988 period is the quarter named before, in 1988", "Net in the first quarter rose from the 1988 period.", "the 1988 period", "1989-10-26", "1988-Q1", ""),
    // Years spelled out after a month or a season, as broadcasts say them; seasons of a year.
    ("a month and a year in words", "It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "1998-02-27", "1997-01", ""),
    ("a season of a year in words", "It was the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1998-02-23", "1994-WI", ""),
    ("a season and a year", "The talks of summer 1998 failed.", "summer 1998", "1999-03-01", "1998-SU", ""),
    ("the fall of a year", "It collapsed in the fall of 1998.", "the fall of 1998", "1999-03-01", "1998-FA", ""),
    ("REGRESSION a spelled year before a capitalised name", "In nineteen ninety-one Charles Keating was convicted.", "nineteen ninety-one", "1998-01-15", "1991", ""),
    // Anaphora: counted from the date the article named last.
    ("the following month counts from the month named before", "He arrived on Jan. 3, and the following month he left.", "the following month", "2025-03-14", "2025-02", ""),
    ("the previous weekday counts from the day named before", "Shares closed at 20 on Oct. 27, up from the previous Friday.", "the previous Friday", "1989-10-30", "1989-10-20", ""),
    ("the next morning counts from the day named before", "The raid was on Feb. 22 and he was released the next morning.", "the next morning", "2000-02-24", "2000-02-23TMO", ""),
    ("the next day counts from the day named before", "They met on May 2, and the next day they signed.", "the next day", "2025-05-20", "2025-05-03", ""),
    ("that same day with no day named is the reference day", "He resigned that same day.", "that same day", "2025-03-14", "2025-03-14", ""),
    ("earlier that day", "The vote was on Oct. 23. Earlier that day, he spoke.", "Earlier that day", "1999-10-24", "1999-10-23", "START"),
    ("that night", "He landed on March 3 and spoke that night.", "that night", "2025-03-14", "2025-03-03TNI", ""),
    ("REGRESSION the day before a saying is the day before the reference day", "Putin spoke on Tuesday. Trump said Friday he held talks with Putin the day before.", "the day before", "2025-03-14", "2025-03-13", ""),
    ("later this month", "The vote comes later this month.", "later this month", "1989-11-02", "1989-11", "END"),
    // Year choice with no tense, and the words that carry one.
    ("REGRESSION no tense: a day four months ahead is last year's", "Police have searched since shortly after the Oct. 23 slaying.", "Oct. 23", "1999-05-06", "1998-10-23", ""),
    ("since: a time counted up to now is past", "Prices are up since May.", "May", "2025-02-10", "2024-05", ""),
    ("last with a month and a day", "He was shot to death last Oct. 23 at home.", "last Oct. 23", "1999-04-19", "1998-10-23", ""),
    ("a clock time with no day is on the day named last", "The blast came on Friday. It occurred at 10:35 a.m. local time.", "10:35 a.m.", "1998-08-08", "1998-08-07T10:35", ""),
    // Halves, year ends, spans ahead.
    ("the first half of a year", "Sales fell in the first half of 1990.", "the first half of 1990", "1989-10-26", "1990-H1", ""),
    ("the last half of the year", "Earnings suffer in the last half of the year.", "the last half of the year", "1989-10-26", "1989-H2", ""),
    ("the first two quarters of a year", "Demand holds through the first two quarters of 1990.", "the first two quarters of 1990", "1989-10-26", "1990-H1", ""),
    ("year-end is the end of this year", "It should close by year-end.", "year-end", "1989-11-02", "1989", "END"),
    ("the end of the month", "Troops arrive by the end of the month.", "the end of the month", "1990-08-13", "1990-08", "END"),
    ("coming weeks is a span ahead", "Talks resume in coming weeks.", "coming weeks", "1989-10-27", "PXW", ""),
    // More tense cues: plans being made, the earliest expected, adjectives after adverbs.
    ("planning looks ahead", "Protesters were planning to drive around the airport on Monday.", "Monday", "2000-01-07", "2000-01-10", ""),
    ("plans as a noun is no future", "On Friday, when Albright set aside vacation plans, the trip began.", "Friday", "1998-08-17", "1998-08-14", ""),
    ("as early as looks ahead", "His father could come as early as Tuesday.", "Tuesday", "2000-04-03", "2000-04-04", ""),
    ("an -ed adjective after an adverb", "The split would be paid on a still unspecified date in January.", "January", "1989-10-26", "1990-01", ""),
    ("a part of day before its day", "In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "1989-11-02", "1989-11-01TAF", ""),
    ("a year earlier than a fiscal quarter reported", "Ralston reported a decline in fourth-quarter earnings, against $84.9 million a year earlier.", "a year earlier", "1989-11-02", "1988-Q4", ""),
    ("fiscal before a year and a plural noun", "Sales will be above fiscal 1989 sales of $155 million.", "fiscal 1989", "1989-10-26", "1989", ""),
    ("several quarters of losses is a span", "It made a profit after several quarters of losses.", "several quarters", "1989-10-30", "PXQ", ""),
    ("the next three quarters is a span", "Profit will fall in the next three quarters.", "the next three quarters", "1989-11-02", "P3Q", ""),
    ("the year before counts from the year named before", "Revenue fell to $300 million last year, down from $450 million the year before.", "the year before", "1998-09-07", "1996", ""),
    ("the past decade is a span to now", "Crime fell over the past decade.", "the past decade", "1998-10-25", "P10Y", ""),
    ("the last decade is the one before", "Crime fell in the last decade.", "the last decade", "1998-02-06", "198", ""),
    ("the past century is a span to now", "It was the worst flood of the past century.", "the past century", "1989-11-01", "P100Y", ""),
    ("a later date", "The rest will be sold at a later date.", "a later date", "1989-10-26", "FUTURE_REF", ""),
    ("a quotation keeps its own tense", "\"He will leave at 4 a.m. Thursday,\" Castro said.", "4 a.m. Thursday", "2000-04-05", "2000-04-06T04:00", ""),
    ("a clock time in words", "The father leaves Thursday. He will go at 4 in the morning.", "4 in the morning", "2000-04-05", "2000-04-06T04:00", ""),
    ("REGRESSION would reports speech and is not the future", "He said the court would rule Wednesday.", "Wednesday", "2000-01-07", "2000-01-05", ""),
    ("REGRESSION planned is past tense", "The rally they planned Friday drew thousands.", "Friday", "1998-09-30", "1998-09-25", ""),
    ("REGRESSION no tense: a weekday three days ahead is the one before", "A Thursday meeting in Paris, officials say.", "Thursday", "1989-10-30", "1989-10-26", ""),
    ("REGRESSION no tense: tomorrow's weekday stays ahead", "A Tuesday meeting in Paris, officials say.", "Tuesday", "1998-08-17", "1998-08-18", ""),
    ("REGRESSION a year ago skips a forecast quarter named before", "The fourth quarter looks weak, but profit rose from a year ago.", "a year ago", "1989-11-02", "1988-Q3", ""),
];

#[test]
fn normalisation_table() {
    assert!(CASES.len() >= 150, "the table keeps at least 150 cases");
    let mut failures = Vec::new();
    for (name, sentence, expr, reference, value, modifier) in CASES {
        let doc = segment::segment(sentence);
        let reference: Date = reference.parse().expect("a valid reference date");
        let out = analyse(sentence, &doc, &[], Some(reference), None);
        let found = out.timexes.iter().find(|t| t.span.of(sentence) == *expr);
        match found {
            None => failures.push(format!(
                "{name}: \"{expr}\" not tagged; got {:?}",
                out.timexes
                    .iter()
                    .map(|t| t.span.of(sentence))
                    .collect::<Vec<_>>()
            )),
            Some(t) => {
                let want_mod = (!modifier.is_empty()).then_some(*modifier);
                if t.value != *value || t.modifier != want_mod {
                    failures.push(format!(
                        "{name}: \"{expr}\" → {} {:?}, expected {value} {want_mod:?}",
                        t.value, t.modifier
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn changing_the_reference_date_moves_relative_values_only() {
    let text = "Peskov said Friday that the Feb. 28 meeting in 2022 style went badly.";
    let doc = segment::segment(text);
    let value_of = |out: &TimeOutput, expr: &str| {
        out.timexes
            .iter()
            .find(|t| t.span.of(text) == expr)
            .map(|t| t.value.clone())
    };
    let a = analyse(text, &doc, &[], "2025-03-14".parse().ok(), None);
    let b = analyse(text, &doc, &[], "2025-03-21".parse().ok(), None);
    assert_eq!(value_of(&a, "Friday").as_deref(), Some("2025-03-14"));
    assert_eq!(value_of(&b, "Friday").as_deref(), Some("2025-03-21"));
    assert_eq!(value_of(&a, "2022"), value_of(&b, "2022"));
}

#[test]
fn explanations_say_where_the_reference_came_from() {
    let text = "Peskov said Friday.\nMoscow, Russia, Friday, March 14, 2025. (AP Photo)";
    let doc = segment::segment(text);
    let out = analyse(text, &doc, &[], None, None);
    assert_eq!(out.references[0].source, "caption");
    let friday = &out.timexes[0];
    assert_eq!(friday.value, "2025-03-14");
    assert!(
        friday
            .explanation
            .starts_with("\"Friday\" → 2025-03-14: weekday of the reference date"),
        "{}",
        friday.explanation
    );
    assert!(friday
        .explanation
        .contains("from the caption \"Friday, March 14, 2025\""));
}

#[test]
fn reference_date_sources() {
    let today: Date = "2026-11-29".parse().unwrap();
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        ("a caption naming its weekday", "He said Friday.\nKyiv, Friday, March 14, 2025. (AP Photo)", Some("2025-03-14"), "caption"),
        ("the latest printed date whose weekday the body names", "In remarks Saturday, he spoke.\nLondon, March 15, 2025. (AP Photo)\nKyiv, Friday, March 14, 2025. (AP Photo)", Some("2025-03-15"), "caption"),
        ("a date in the text", "The accord of June 3, 2021 holds.", Some("2021-06-03"), "text"),
        ("nothing printed falls back to today", "He said Friday.", Some("2026-11-29"), "today"),
    ];
    for (name, text, date, source) in cases {
        let doc = segment::segment(text);
        let out = analyse(text, &doc, &[], None, Some(today));
        let r = &out.references[0];
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), *date, "{name}");
        assert_eq!(r.source, *source, "{name}");
    }
    let text = "He said Friday.";
    let doc = segment::segment(text);
    assert_eq!(
        analyse(text, &doc, &[], None, None).references[0].source,
        "none"
    );
}
