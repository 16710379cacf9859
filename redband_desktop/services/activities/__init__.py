"""Activities (活动): outreach, drills, training, visiting campaigns and meetings, with the
volunteers who took part and their hours."""
