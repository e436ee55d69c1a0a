"""What a person reads: the one place that turns the engine's records, observations, costs, refusals and
endings into words, for the window, the text mode, the web pages and the reports alike (design §3).

The engine keeps codes and numbers (record.Message, record.Cause, record.Refusal); everything here is a pure
function of the rules and those records, so every front end says the same thing the same way.
"""
