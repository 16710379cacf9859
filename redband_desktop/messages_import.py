"""Messages and field labels of the importer (sheets brought in, their rows checked).
`messages.py` merges them into its catalogues; each code is defined in one place."""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "import_file_type": (
        "不支持 {suffix} 文件，请选择 .xlsx、.xls、.et、.ods 或 .csv 表格",
        "{suffix} files are not supported; choose an .xlsx, .xls, .et, .ods or .csv sheet",
    ),
    "import_file_unreadable": (
        "现在无法读取该文件（可能正被其他程序打开，或没有权限）：{detail}。文件本身未必有问题，请关闭占用它的程序后重试。",
        "The file cannot be read now (another program may have it open, or there is no permission): "
        "{detail}. The file itself may be fine; close the other program and try again.",
    ),
    "import_file_too_large": ("文件超过 {max_mb} MB，不像是花名册", "The file is larger than {max_mb} MB; it does not look like a roster"),
    "import_file_encrypted": (
        "该表格设有打开密码，请在 Excel/WPS 中取消密码后另存再导入",
        "The sheet is password-protected; remove the password in Excel/WPS, save it and import that copy",
    ),
    "import_not_a_sheet": ("该文件不是可读取的表格：{detail}", "The file is not a readable spreadsheet: {detail}"),
    "import_no_sheet": ("没有名为“{sheet}”的工作表（有：{sheets}）", "There is no sheet named “{sheet}” (there are: {sheets})"),
    "import_csv_encoding": (
        "CSV 文件既不是 UTF-8 也不是 GBK 编码，请在 Excel/WPS 中另存为“CSV UTF-8”",
        "The CSV file is neither UTF-8 nor GBK; save it as “CSV UTF-8” in Excel/WPS",
    ),
    "import_id_damaged": (
        "表格把身份证号存成了数字，末位或 X 已丢失，请把该列设为文本后重新导出",
        "the sheet stored the ID number as a number and its last digits or X are lost; set the column "
        "to text and export it again",
    ),
    "import_date_unreadable": (
        "无法识别的日期“{value}”（可写 2021-06-01、2021/6/1、2021.6.1 或 2021年6月1日）",
        "cannot read the date “{value}” (write 2021-06-01, 2021/6/1, 2021.6.1 or 2021年6月1日)",
    ),
    "import_place_unknown": ("“{name}”不存在，请在“地点”一步中对应或新建", "“{name}” does not exist; map or create it in the Places step"),
    "import_duplicate_row": ("与第 {row} 行是同一人（表内重复）", "the same as row {row} (a duplicate within the file)"),
    "import_column_missing": ("表格中没有这一列，请在“列对应”一步中指定", "the sheet has no such column; choose it in the Columns step"),
    "import_stale": (
        "预览之后有 {count} 条记录已被其他电脑修改或登记，未导入任何内容。请重新预览后再导入。",
        "{count} record(s) were changed or registered on another PC since the preview; nothing was "
        "imported. Preview again, then import.",
    ),
    "import_head_unknown": ("花名册中找不到此人", "no such person on the roster"),
    "import_head_ambiguous": (
        "该场所有 {count} 名同名志愿者，请改填身份证号",
        "{count} volunteers of this site have this name; give the ID number instead",
    ),
    "import_photo_no_match": ("没有对应的志愿者（文件名应为身份证号或姓名）", "no matching volunteer (name the file by ID number or name)"),
    "import_photo_twice": ("与 {file} 是同一名志愿者的照片，只用其中一张", "the same volunteer as {file}; only one is used"),
    "import_photos_none": ("该文件夹中没有照片（.jpg、.jpeg、.png、.bmp）", "The folder holds no photos (.jpg, .jpeg, .png, .bmp)"),
    "import_photo_ambiguous": ("有 {count} 名同名志愿者，请用身份证号命名", "{count} volunteers have this name; name the file by ID number"),
}

IMPORT_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "sheet": ("工作表", "Sheet"),
    "district": ("片区", "District"),
    "site": ("小区/单位", "Site"),
    "site_kind": ("场所类型", "Site kind"),
    "building": ("楼栋/市场片区", "Building / zone"),
    "head_name": ("楼栋长姓名", "Head's name"),
}
