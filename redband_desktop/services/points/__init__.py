"""Points (积分): the rule table, each volunteer's balance and its entries, redemptions, the ranking."""
