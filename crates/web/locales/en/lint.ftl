# The linter's findings. The English must read exactly as the core's
# messages do (a test compares them); `X-title` is goal X's short title.

lint-jp001 = SDG { $goal } is "{ $goal-title }", but the title written beside it is "{ $written }"
lint-jp001-help = write SDG { $goal } ({ $goal-title }) or the number of the goal meant
lint-jp001-other = SDG { $goal } is "{ $goal-title }", but the title written beside it, "{ $written }", is SDG { $other }'s
lint-jp001-other-help = write SDG { $other } ({ $written }), or SDG { $goal } ({ $goal-title })
lint-jp002 = SDG { $number } does not exist: the goals are numbered 1 to 17
lint-jp002-help = write the number of the goal meant (1-17)
lint-jp002-help-title = the title written is SDG { $goal }'s: write SDG { $goal }
lint-jp003 = SDG target { $target } does not exist
lint-jp003-help = goal { $goal } has targets { $targets }
lint-jp021 = "{ $phrase }" says it recurs but not how often
lint-jp021-help = state the interval: "annual", "twice a year", "every two years"
lint-jp030 = action { $action } of line { $line } is hedged by { $hedges }
lint-jp030-help = if the parties mean to do it, drop the hedge; otherwise keep it knowingly
lint-jp031 = line { $line } ({ $title }): { $hedged } of { $actions } actions are hedged ({ $share }%): { $codes }
lint-jp031-help = firm up the hedged actions the parties mean to carry out
lint-jp040 = action { $action } names no responsible organisation, no output and no date or frequency
lint-jp040-help = say who does what by when: the lead agency, the output (a workshop, an agreement, a programme) and a date or interval
lint-jp050-same = action { $action } is the same as action { $first }
lint-jp050-near = action { $action } is nearly the same as ({ $shared }% of words shared with) action { $first }
lint-jp050-help = keep one of { $first } and { $action }, or make the difference explicit
lint-jp060 = "{ $agreement }" is listed as a basis but is still to be confirmed ({ $year }TBC)
lint-jp060-help = confirm it before signature, or move it to the actions ("Conclude an MoU on …")
lint-jp061 = "{ $agreement }" is listed twice{ $lines ->
    [none] {""}
   *[other] {" "}(under lines { $lines })
}
lint-jp061-help = list it once, under the line it mainly supports
lint-jp070 = line { $line } ({ $title }) declares no SDG
lint-jp070-help = add the goals the line serves: "The initiatives will support the promotion of SDG n (Title), …"
lint-jp071 = line { $line } declares SDG { $goal } ({ $goal-title }), but none of its actions serves it
lint-jp071-help = add an action that works towards SDG { $goal }, or drop it from line { $line }
lint-jp080 = the target "{ $target }" does not say whether { $measure } must rise or fall
lint-jp080-help = say what moves and from what: "a { $amount } reduction in { $measure } … compared with <baseline year>" or "an increase … to { $amount }"
lint-jp081 = the target "{ $target }" has no year
lint-jp081-help = add the year by which it is to be reached: "… by 2030"
