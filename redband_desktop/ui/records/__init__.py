"""Service records (志愿服务记录), certificates and recognition (表彰) in the window."""
