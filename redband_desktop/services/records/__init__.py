"""Service records (志愿服务记录), certificates (志愿服务证明) and recognition (表彰)."""
