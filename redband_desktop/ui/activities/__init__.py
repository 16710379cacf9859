"""The activities page (活动) and the activity form."""
